/*
 * PhuLuc: Office.js only when an Office host opened the page (taskpane.html).
 *
 * Office.js is the local copy in dist/office-js: nothing is fetched from the network. Office
 * passes its host in the address (?_host_Info=…), keeps it in sessionStorage or window.name while
 * the add-in navigates, and old Office webviews expose window.external.GetContext. A plain browser
 * tab has none of these: the page is the standalone page at once, without Office.js's "loaded
 * outside of Office client" warning or its telemetry frame.
 *
 * A file, not an inline script: the pages' Content-Security-Policy (scripts/csp.js) runs no inline
 * script. Plain ES5, no modules, like old-host.js: it runs in every host, old ones too. It writes
 * the <script> for Office.js in place, so Office.js still loads before the pane's bundle.
 */
(function () {
  'use strict';

  var inOffice = /[?&]_host_Info=/i.test(window.location.search);
  try {
    inOffice = inOffice || !!window.sessionStorage.getItem('hostInfoValue');
  } catch (e) {
    // Storage refused (a private window, a policy): not a sign either way.
  }
  try {
    inOffice = inOffice || !!(window.name && JSON.parse(window.name).hostInfo);
  } catch (e) {
    // window.name is not Office's JSON.
  }
  try {
    var ext = window.external;
    inOffice =
      inOffice ||
      typeof window.agaveHost !== 'undefined' ||
      !!(ext && (typeof ext.GetContext !== 'undefined' || typeof ext.GetHostInfo !== 'undefined'));
  } catch (e) {
    // window.external may throw on access in old hosts.
  }
  if (inOffice) document.write('<script src="./office-js/office.js"></script>');
})();
