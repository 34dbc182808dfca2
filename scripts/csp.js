/**
 * The Content-Security-Policy of PhuLuc's pages, in one place.
 *
 * Every page the build writes (taskpane.html, index.html, commands.html, help.html) carries the
 * page policy in a <meta http-equiv="Content-Security-Policy"> tag; the dev server and the test
 * server also send the header policy, which adds frame-ancestors (browsers ignore frame-ancestors
 * in a <meta> tag, so only a header can say who may frame the pane).
 *
 * - Nothing is loaded from elsewhere: scripts, styles, fonts, images and connections are 'self'
 *   (office.js is served from the add-in's own origin, dist/office-js).
 * - style-src allows inline styles: Fluent UI (Griffel) writes its rules into <style> elements at
 *   run time, and office.js styles its own elements inline in Office on the web.
 * - img-src allows data: and blob: (pictures the pane builds in memory); nothing else is inline.
 * - No frames inside the pane, no plugins, no <base>, no form posts.
 *
 * frame-ancestors: Excel on Windows and Mac shows the pane in a webview as the top document, so no
 * ancestor exists there. Excel on the web shows it in an iframe inside Office's own frames.
 * Microsoft does not publish the list (OfficeDev/office-js#1005, office-js-docs-pr#4911); these are
 * the origins Office on the web runs under today: the Office web apps frame
 * (*.officeapps.live.com), the new Microsoft 365 domain (*.cloud.microsoft, e.g.
 * excel.cloud.microsoft), Microsoft 365 and Office portals (*.office.com, *.microsoft365.com),
 * work and school files (*.sharepoint.com) and personal OneDrive (onedrive.live.com). A
 * deployment that serves the pane from its own web server sends the same header
 * (`headerPolicy()`; docs/deploy.md).
 */
'use strict';

/** Where Excel on the web may frame the pane (see above). */
const OFFICE_FRAME_ANCESTORS = Object.freeze([
  'https://*.officeapps.live.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
]);

/** The policy of every page, as directive → sources. */
function pagePolicy() {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': ["'none'"],
    'worker-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

/** The policy a server sends as a header: the page policy and who may frame the pane. */
function headerPolicy(frameAncestors = OFFICE_FRAME_ANCESTORS) {
  return { ...pagePolicy(), 'frame-ancestors': ["'self'", ...frameAncestors] };
}

/** A policy as the header or meta tag writes it. */
function serialize(policy) {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

module.exports = { OFFICE_FRAME_ANCESTORS, pagePolicy, headerPolicy, serialize };
