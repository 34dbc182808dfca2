/*
 * PhuLuc: the pane's first script, for hosts that cannot run the pane.
 *
 * Office 2019 (volume-licensed) and Office on older Windows show add-ins in Internet Explorer 11
 * or the old Edge (EdgeHTML). Neither can run the pane's bundle (ES2022), so the pane would stay
 * blank. This script runs before the bundle, in any browser (plain ES5, no modules: ESLint parses
 * it as ES5), and in such a host shows, in Vietnamese and English, what to do instead: open the
 * standalone page in a modern browser, or use the phuluc command line.
 *
 * Two checks:
 *  - before the bundle: the features the bundle relies on and IE/EdgeHTML lack (Promise, fetch,
 *    Object.fromEntries, globalThis, Array.prototype.findLast). When one is missing, <html> gets
 *    data-phuluc="old-host" (src/taskpane/index.tsx then does not start) and the message shows;
 *  - after the page has loaded: if the bundle did not start (it marks <html> with
 *    data-phuluc="started"), for instance because this browser could not parse it, the message
 *    shows too.
 * A modern browser passes both and sees nothing of this.
 */
(function () {
  'use strict';

  var root = document.documentElement;
  var MESSAGE_ID = 'phuluc-old-host';

  function canRunBundle() {
    try {
      return (
        typeof window.Promise === 'function' &&
        typeof window.fetch === 'function' &&
        typeof Object.fromEntries === 'function' &&
        typeof window.globalThis === 'object' &&
        typeof Array.prototype.findLast === 'function'
      );
    } catch (e) {
      return false;
    }
  }

  /** The standalone page: this page's folder (index.html), without Office's query string. */
  function standaloneAddress() {
    var here = String(window.location.href).split('#')[0].split('?')[0];
    return here.slice(0, here.lastIndexOf('/') + 1);
  }

  function element(tag, text, lang) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    if (lang) el.setAttribute('lang', lang);
    return el;
  }

  function heading(tag, text, lang) {
    var h = element(tag, text, lang);
    h.style.fontSize = '18px';
    h.style.margin = '16px 0 8px';
    return h;
  }

  function paragraph(parts, lang) {
    var p = element('p', '', lang);
    for (var i = 0; i < parts.length; i++) {
      p.appendChild(typeof parts[i] === 'string' ? document.createTextNode(parts[i]) : parts[i]);
    }
    return p;
  }

  function link(address) {
    var a = element('a', address);
    a.setAttribute('href', address);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener');
    a.style.wordBreak = 'break-all';
    return a;
  }

  function code(text) {
    var c = element('code', text);
    c.style.fontFamily = 'Consolas, monospace';
    return c;
  }

  function show() {
    if (!document.body || document.getElementById(MESSAGE_ID)) return;
    root.setAttribute('data-phuluc', 'old-host');
    var address = standaloneAddress();
    var box = document.createElement('div');
    box.id = MESSAGE_ID;
    box.setAttribute('role', 'alert');
    box.style.fontFamily = "'Segoe UI', Tahoma, Arial, sans-serif";
    box.style.fontSize = '14px';
    box.style.lineHeight = '1.5';
    box.style.color = '#242424';
    box.style.padding = '12px';
    box.appendChild(heading('h1', 'PhuLuc không chạy được trong khung này', 'vi'));
    box.appendChild(
      paragraph(
        [
          'Office trên máy này mở add-in bằng trình duyệt cũ (Internet Explorer hoặc Edge bản ' +
            'cũ), nên không chạy được PhuLuc. Hãy mở trang PhuLuc bằng một trình duyệt mới ' +
            '(Edge, Chrome, Firefox hoặc Cốc Cốc) tại địa chỉ: ',
          link(address),
          ' — trang làm đủ các bước và tải về sổ theo dõi .xlsx để mở bằng Excel này. Hoặc ' +
            'dùng lệnh ',
          code('phuluc build'),
          ' trên máy có Node.js.',
        ],
        'vi'
      )
    );
    box.appendChild(heading('h2', 'PhuLuc cannot run in this pane', 'en'));
    box.appendChild(
      paragraph(
        [
          'This Office shows add-ins in an old browser (Internet Explorer or the old Edge), ' +
            'which cannot run PhuLuc. Open the PhuLuc page in a modern browser (Edge, Chrome, ' +
            'Firefox) at ',
          link(address),
          ' — it does every step and downloads the tracking workbook (.xlsx) to open in this ' +
            'Excel. Or use the ',
          code('phuluc build'),
          ' command on a computer with Node.js.',
        ],
        'en'
      )
    );
    var pane = document.getElementById('root');
    if (pane) pane.style.display = 'none';
    document.body.insertBefore(box, document.body.firstChild);
  }

  function whenReady(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn, false);
  }

  if (!canRunBundle()) {
    root.setAttribute('data-phuluc', 'old-host');
    whenReady(show);
    return;
  }

  window.addEventListener(
    'load',
    function () {
      if (root.getAttribute('data-phuluc') !== 'started') show();
    },
    false
  );
})();
