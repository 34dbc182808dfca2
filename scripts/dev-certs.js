#!/usr/bin/env node
/**
 * HTTPS for the dev server: the localhost certificate office-addin-dev-certs makes (in
 * ~/.office-addin-dev-certs, valid 30 days), signed by a development CA that this computer trusts
 * once. Excel loads add-ins over https only, from a certificate it trusts.
 *
 *   npm run certs                 make the certificates (when missing or about to expire) and
 *                                 trust their CA
 *   npm run certs -- --dry-run    say what it would do, change nothing
 *   npm run certs -- --remove     stop trusting the CA and delete the certificates
 *
 * Trusting a CA changes the computer's certificate store: Windows asks in a dialog, macOS asks for
 * the keychain password. On Linux it needs root: with sudo, sudo asks for the password; as root it
 * is done directly; with neither, the commands for an administrator are printed (exit status 2).
 * Browsers on Linux keep their own store: the command that adds the CA to it is printed too.
 *
 * The dev server (scripts/dev-server.js, webpack.config.js) reads the certificates through
 * `devServerTls()`; tests never depend on them (they generate their own or use http).
 */
'use strict';

const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Where office-addin-dev-certs keeps the files (its defaults, read from the package). */
function certificatePaths() {
  const defaults = require('office-addin-dev-certs/lib/defaults');
  return {
    dir: defaults.certificateDirectory,
    ca: defaults.caCertificatePath,
    cert: defaults.localhostCertificatePath,
    key: defaults.localhostKeyPath,
    caName: defaults.certificateName,
  };
}

/** Certificates expiring sooner than this are made again. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

/** A bilingual line for the person at the terminal. */
function say(vi, en, stream = process.stdout) {
  stream.write(`${vi}\n${en}\n`);
}

/**
 * The localhost certificate and key in `files`, and whether the dev server can use them:
 * `ok`, `missing`, `expired`, `expiring` (within a day) or `unusable` (not a certificate for
 * localhost, or unreadable).
 */
function readCertificate(files, now = new Date()) {
  if (!fs.existsSync(files.cert) || !fs.existsSync(files.key)) return { status: 'missing', files };
  try {
    const cert = fs.readFileSync(files.cert);
    const key = fs.readFileSync(files.key);
    const x509 = new crypto.X509Certificate(cert);
    if (!x509.checkHost('localhost')) return { status: 'unusable', files };
    const validTo = new Date(x509.validTo);
    const left = validTo.getTime() - now.getTime();
    const status = left <= 0 ? 'expired' : left < RENEW_BEFORE_MS ? 'expiring' : 'ok';
    return { status, files, cert, key, validTo };
  } catch {
    return { status: 'unusable', files };
  }
}

/**
 * How the dev server listens: https with DEV_SERVER_CERT/DEV_SERVER_KEY when both are set, else
 * with the office-addin-dev-certs certificate when it is usable; otherwise plain http and the
 * reason, in Vietnamese and English.
 */
function devServerTls(env = process.env, now = new Date()) {
  const explicit = env.DEV_SERVER_CERT || env.DEV_SERVER_KEY;
  const files = explicit
    ? { cert: env.DEV_SERVER_CERT ?? '', key: env.DEV_SERVER_KEY ?? '' }
    : certificatePaths();
  const found = readCertificate(files, now);
  if (found.status === 'ok' || found.status === 'expiring') {
    return {
      server: { type: 'https', options: { cert: found.cert, key: found.key } },
      certificate: found,
    };
  }
  const where = explicit ? 'DEV_SERVER_CERT/DEV_SERVER_KEY' : files.dir;
  const reason = {
    missing: [
      `chưa có chứng chỉ https cho localhost (${where})`,
      `no https certificate for localhost yet (${where})`,
    ],
    expired: [`chứng chỉ https đã hết hạn (${where})`, `the https certificate expired (${where})`],
    unusable: [
      `chứng chỉ ở ${where} không dùng được cho localhost`,
      `the certificate in ${where} cannot serve localhost`,
    ],
  }[found.status];
  return { server: 'http', certificate: found, reason: { vi: reason[0], en: reason[1] } };
}

/** Whether an executable of this name is on the PATH. */
function onPath(name, env = process.env) {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, name), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** Where Linux keeps added CAs: Debian/Ubuntu, then Fedora/Arch (as office-addin-dev-certs). */
const LINUX_STORES = [
  {
    tool: '/usr/sbin/update-ca-certificates',
    dir: '/usr/local/share/ca-certificates/office-addin-dev-certs',
    file: 'ca.crt',
    afterRemove: '/usr/sbin/update-ca-certificates --fresh',
  },
  {
    tool: '/usr/sbin/update-ca-trust',
    dir: '/etc/ca-certificates/trust-source/anchors',
    file: 'office-addin-dev-certs-ca.crt',
    afterRemove: '/usr/sbin/update-ca-trust',
  },
];

/**
 * How this computer can trust the development CA:
 * - `library`: office-addin-dev-certs does it (Windows, macOS; Linux with sudo, which asks for
 *   the password);
 * - `root`: Linux, running as root without sudo: copy the CA into the system store directly;
 * - `manual`: Linux without root or sudo: an administrator must run `commands`;
 * - `unsupported`: another system.
 */
function trustPlan({ platform, uid, hasSudo, store, caPath }) {
  if (platform === 'win32' || platform === 'darwin') return { kind: 'library' };
  if (platform !== 'linux') return { kind: 'unsupported' };
  if (!store) return { kind: 'manual', commands: [], noStore: true };
  const commands = [
    `mkdir -p '${store.dir}'`,
    `cp '${caPath}' '${store.dir}/${store.file}'`,
    store.tool,
  ];
  if (uid === 0 && !hasSudo) return { kind: 'root', commands };
  if (hasSudo) return { kind: 'library', sudo: uid !== 0 };
  return { kind: 'manual', commands };
}

/** The trust plan of the computer this runs on. */
function planHere(paths) {
  const store = LINUX_STORES.find((s) => fs.existsSync(s.tool));
  const plan = trustPlan({
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : -1,
    hasSudo: onPath('sudo'),
    store,
    caPath: paths.ca,
  });
  return { plan, store };
}

function linuxBrowserNote(paths) {
  say(
    'Lưu ý (Linux): Chrome, Chromium và Firefox dùng kho chứng chỉ riêng. Để trình duyệt tin ' +
      'chứng chỉ (gói libnss3-tools):',
    'Note (Linux): Chrome, Chromium and Firefox keep their own certificate store. To make the ' +
      'browser trust the certificate (package libnss3-tools):',
  );
  console.log(
    `  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "${paths.caName}" -i '${paths.ca}'`,
  );
}

async function install(options) {
  const certs = require('office-addin-dev-certs');
  const paths = certificatePaths();
  const found = readCertificate(paths);
  const { plan } = planHere(paths);
  const fresh = found.status === 'ok';

  if (plan.kind === 'unsupported') {
    say(
      `PhuLuc chưa biết cách cài chứng chỉ trên hệ điều hành ${process.platform}.`,
      `PhuLuc does not know how to install certificates on ${process.platform}.`,
      process.stderr,
    );
    return 1;
  }
  if (options.dryRun) {
    say(
      `Chứng chỉ localhost: ${found.status} (${paths.dir}). Cách tin CA: ${plan.kind}.`,
      `localhost certificate: ${found.status} (${paths.dir}). How the CA gets trusted: ${plan.kind}.`,
    );
    for (const c of plan.commands ?? []) console.log(`  ${c}`);
    return 0;
  }

  if (plan.kind === 'library') {
    if (plan.sudo) {
      say(
        'Cài chứng chỉ gốc (CA) phát triển vào kho của máy cần quyền quản trị: sudo sẽ hỏi mật khẩu.',
        'Trusting the development CA changes the system store: sudo will ask for your password.',
      );
    }
    // Makes the certificates when missing or expired, removes an old CA, trusts the new one.
    await certs.ensureCertificatesAreInstalled();
  } else {
    if (!fresh) {
      await certs.generateCertificates(paths.ca, paths.cert, paths.key);
      say(`Đã tạo chứng chỉ ở ${paths.dir}.`, `Certificates made in ${paths.dir}.`);
    }
    if (plan.kind === 'root') {
      for (const c of plan.commands) childProcess.execSync(c, { stdio: 'inherit' });
    } else {
      say(
        'Máy này không có sudo và bạn không phải root: cần người quản trị chạy (với quyền root):',
        'This computer has no sudo and you are not root: an administrator must run (as root):',
        process.stderr,
      );
      if (plan.noStore) {
        say(
          '  (không thấy update-ca-certificates hay update-ca-trust: thêm tệp CA vào kho chứng chỉ của hệ thống)',
          '  (neither update-ca-certificates nor update-ca-trust found: add the CA file to the system store)',
          process.stderr,
        );
        console.error(`  ${paths.ca}`);
      }
      for (const c of plan.commands) console.error(`  ${c}`);
      say(
        'Trong lúc chờ, `npm start` vẫn chạy https với chứng chỉ này (trình duyệt sẽ cảnh báo).',
        'Meanwhile `npm start` serves https with this certificate (the browser will warn).',
        process.stderr,
      );
      if (process.platform === 'linux') linuxBrowserNote(paths);
      return 2;
    }
  }
  const now = readCertificate(paths);
  say(
    `Xong: https://localhost đã có chứng chỉ tin cậy (hết hạn ${now.validTo?.toISOString().slice(0, 10)}; khi đó chạy lại npm run certs).`,
    `Done: https://localhost has a trusted certificate (expires ${now.validTo?.toISOString().slice(0, 10)}; then run npm run certs again).`,
  );
  console.log(`  ${paths.cert}\n  ${paths.key}`);
  if (process.platform === 'linux') linuxBrowserNote(paths);
  return 0;
}

async function remove(options) {
  const paths = certificatePaths();
  const { plan, store } = planHere(paths);
  const untrust = store ? [`rm -f '${store.dir}/${store.file}'`, store.afterRemove] : [];
  if (options.dryRun) {
    say(
      `Sẽ gỡ CA phát triển và xoá ${paths.dir}.`,
      `Would untrust the CA and delete ${paths.dir}.`,
    );
    return 0;
  }
  const certs = require('office-addin-dev-certs');
  if (plan.kind === 'library') await certs.uninstallCaCertificate(false, false);
  else if (plan.kind === 'root')
    for (const c of untrust) childProcess.execSync(c, { stdio: 'inherit' });
  else if (untrust.length > 0) {
    say(
      'Cần người quản trị chạy (với quyền root) để gỡ CA khỏi kho của máy:',
      'An administrator must run (as root) to untrust the CA:',
      process.stderr,
    );
    for (const c of untrust) console.error(`  ${c}`);
  }
  certs.deleteCertificateFiles(paths.dir);
  say('Đã xoá chứng chỉ phát triển.', 'The development certificates are deleted.');
  return 0;
}

async function main(argv) {
  const options = { dryRun: argv.includes('--dry-run') };
  try {
    return argv.includes('--remove') ? await remove(options) : await install(options);
  } catch (error) {
    say(
      `Không cài được chứng chỉ: ${error instanceof Error ? error.message : String(error)}`,
      `The certificates could not be installed: ${error instanceof Error ? error.message : String(error)}`,
      process.stderr,
    );
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

module.exports = {
  certificatePaths,
  readCertificate,
  devServerTls,
  trustPlan,
  onPath,
  LINUX_STORES,
};
