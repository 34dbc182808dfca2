/**
 * Where the add-in is served, and the manifest that points there.
 *
 * manifest.xml in the repository points at the dev server (https://localhost:3000). A production
 * build takes the address people will load the add-in from at build time:
 *
 *   ADDIN_URL=https://phuluc.example.vn/addin npm run build
 *
 * writes dist/manifest.xml with every URL under that address (dist/ is then copied there as is).
 * Without ADDIN_URL the built manifest keeps localhost, and the build says so.
 */
'use strict';

/** The dev server's origin, as manifest.xml writes it. */
const DEV_ORIGIN = 'https://localhost:3000';

class AddinUrlError extends Error {
  constructor(vi, en) {
    super(`${vi}\n${en}`);
    this.name = 'AddinUrlError';
    this.vi = vi;
    this.en = en;
  }
}

/**
 * The add-in's base address from ADDIN_URL: https, no query, fragment or user name, no trailing
 * slash (a path is allowed: https://host/addin).
 */
function parseAddinUrl(text) {
  const raw = String(text ?? '').trim();
  const bad = (why, whyEn) =>
    new AddinUrlError(
      `ADDIN_URL "${raw}" không dùng được: ${why}. Ví dụ: ADDIN_URL=https://phuluc.example.vn/addin`,
      `ADDIN_URL "${raw}" cannot be used: ${whyEn}. Example: ADDIN_URL=https://phuluc.example.vn/addin`,
    );
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw bad('không phải một địa chỉ', 'not an address');
  }
  if (url.protocol !== 'https:')
    throw bad('Office chỉ nạp add-in qua https', 'Office loads add-ins over https only');
  if (url.username || url.password)
    throw bad('không được chứa tên đăng nhập', 'it must not hold a user name');
  if (url.search || url.hash || raw.includes('?') || raw.includes('#'))
    throw bad('không được có ? hoặc #', 'it must not have ? or #');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** manifest.xml with every URL under `addinUrl` instead of the dev server. */
function manifestFor(xml, addinUrl) {
  const base = parseAddinUrl(addinUrl);
  return xml.replace(/(["'])https:\/\/localhost:3000(?=[/"'])/g, `$1${base}`);
}

module.exports = { DEV_ORIGIN, AddinUrlError, parseAddinUrl, manifestFor };
