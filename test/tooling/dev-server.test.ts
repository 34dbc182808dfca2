// The dev server as people and office-addin-debugging run it (scripts/dev-server.js): https with
// office-addin-dev-certs' certificates, http without them, only its own origin, and nothing left
// running when whatever started it goes away. Linux: processes are found through /proc.

import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { csp, devCerts, officeDevCerts, ROOT } from '../helpers/scripts';

const onLinux = process.platform === 'linux' ? describe : describe.skip;

/** A port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET, with the CA that must vouch for an https server. */
function get(url: string, headers: Record<string, string> = {}, ca?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    // TLS checks the certificate against localhost whatever Host header the request claims.
    const req = lib.get(url, { headers, ca, servername: 'localhost', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for the first compilation: the server answers / with the standalone page. */
function ready(url: string, ca?: Buffer): Promise<Answer> {
  return waitUntil(
    url,
    async () => {
      const answer = await get(url, {}, ca);
      return answer.status === 200 ? answer : null;
    },
    240_000,
  );
}

/** office-addin-dev-certs says what it made; the test output need not. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    log.mockRestore();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid`, read from /proc. */
function descendants(pid: number): { pid: number; cmd: string }[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const visit = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        // gone meanwhile
      }
      out.push({ pid: child, cmd });
      visit(child);
    }
  };
  visit(pid);
  return out;
}

function serverPid(launcher: number): number {
  const server = descendants(launcher).find((p) => /^\S*node scripts\/dev-server\.js/.test(p.cmd));
  if (!server) throw new Error('no dev server process');
  return server.pid;
}

function waitGone(pid: number): Promise<true> {
  return waitUntil(`process ${pid} to end`, async () => (alive(pid) ? null : true), 10_000);
}

onLinux('the dev server', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const clean of cleanups.reverse()) clean();
  });

  /** Ends a process the test started, and its group, if it is still there. */
  function reap(child: ChildProcess | number): void {
    const pid = typeof child === 'number' ? child : child.pid;
    if (pid === undefined) return;
    for (const p of [...descendants(pid).map((d) => d.pid), pid]) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  it('`npm start`: https with the certificate of `npm run certs`; answers only its own origin; killing npm stops it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'phuluc-dev-home-'));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    // What `npm run certs` makes (office-addin-dev-certs), without trusting it on this computer:
    // the requests below trust its CA themselves.
    const dir = join(home, '.office-addin-dev-certs');
    await quietly(() =>
      officeDevCerts.generateCertificates(
        join(dir, 'ca.crt'),
        join(dir, 'localhost.crt'),
        join(dir, 'localhost.key'),
      ),
    );
    const ca = readFileSync(join(dir, 'ca.crt'));
    const port = await freePort();
    const log = join(home, 'out.log');
    const out = openSync(log, 'w');
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, HOME: home, DEV_SERVER_PORT: String(port) },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    cleanups.push(() => reap(npm));
    const origin = `https://localhost:${port}`;

    const page = await ready(`${origin}/`, ca);
    const server = serverPid(npm.pid!);
    cleanups.push(() => reap(server));
    expect(readFileSync(log, 'utf8')).toContain(`standalone page: ${origin}/`);
    expect(readFileSync(log, 'utf8')).not.toMatch(/Chưa có https/);

    // The standalone page, with the policy in the page and, with frame-ancestors, in the header.
    expect(page.body).toContain('<div id="root"></div>');
    expect(page.body).not.toContain('office.js');
    expect(page.headers['content-security-policy']).toBe(csp.serialize(csp.headerPolicy()));
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    // taskpane.html: office.js through the Office host check (office-host.js), served here too.
    expect((await get(`${origin}/taskpane.html`, {}, ca)).body).toContain('office-host.js');
    expect((await get(`${origin}/office-host.js`, {}, ca)).body).toContain('office-js/office.js');
    expect((await get(`${origin}/office-js/office.js`, {}, ca)).status).toBe(200);
    expect((await get(`${origin}/manifest.xml`, {}, ca)).body).toContain(
      `<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>`,
    );

    // Only its own origin.
    const cases: [Record<string, string>, string, number][] = [
      [{}, '/taskpane.html', 200],
      [{ Host: 'evil.example' }, '/taskpane.html', 403],
      [{ Host: `evil.example:${port}` }, '/', 403],
      [{ Origin: 'https://evil.example' }, '/taskpane.html', 403],
      [{ Origin: 'null' }, '/taskpane.html', 403],
      [{ Origin: origin }, '/taskpane.html', 200],
      [{ 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'script' }, '/old-host.js', 403],
      [{ 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Dest': 'empty' }, '/manifest.xml', 403],
      [{ 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Dest': 'script' }, '/old-host.js', 200],
      // Excel on the web frames the pane and shows the ribbon's icons.
      [{ 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'iframe' }, '/taskpane.html', 200],
      [{ 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Dest': 'image' }, '/assets/icon-32.png', 200],
    ];
    const answers = [];
    for (const [headers, path] of cases) {
      answers.push((await get(`${origin}${path}`, headers, ca)).status);
    }
    expect(answers).toEqual(cases.map((c) => c[2]));

    // npm killed outright (nothing forwarded): the server notices and stops.
    process.kill(npm.pid!, 'SIGKILL');
    await waitGone(server);
    await expect(get(`${origin}/`, {}, ca)).rejects.toThrow(/ECONNREFUSED/);
  }, 300_000);

  it('as office-addin-debugging runs it: stays after its launcher exits, stops with `npm run stop`; http without certificates', async () => {
    const home = mkdtempSync(join(tmpdir(), 'phuluc-dev-home-'));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    const port = await freePort();
    const log = join(home, 'out.log');
    // office-addin-debugging: the `dev-server` script through a detached shell, then it exits.
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(script.scripts['dev-server']).toBe('node scripts/dev-server.js --background');
    const launcher = spawnSync(
      process.execPath,
      [
        '-e',
        `const fs = require('fs');
         const out = fs.openSync(process.argv[1], 'w');
         const child = require('child_process').spawn(process.argv[2], [], {
           detached: true, shell: true, stdio: ['ignore', out, out],
         });
         child.unref();
         console.log(child.pid);`,
        log,
        script.scripts['dev-server']!,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, HOME: home, DEV_SERVER_PORT: String(port) },
        encoding: 'utf8',
      },
    );
    const shell = Number(launcher.stdout.trim());
    expect(shell).toBeGreaterThan(0);
    cleanups.push(() => reap(shell));
    const origin = `http://localhost:${port}`;
    await ready(`${origin}/`);
    const server = serverPid(shell);
    cleanups.push(() => reap(server));
    const said = readFileSync(log, 'utf8');
    expect(said).toContain(`standalone page: ${origin}/`);
    expect(said).toContain(
      `Chưa có https: chưa có chứng chỉ https cho localhost (${join(home, '.office-addin-dev-certs')})`,
    );
    expect(said).toContain('run `npm run certs` once');
    expect((await get(`${origin}/`, { Host: 'evil.example' })).status).toBe(403);

    // Its launcher is long gone; the server serves on.
    expect(alive(server)).toBe(true);
    // `npm run stop`: office-addin-debugging ends the process it started (the shell).
    process.kill(shell, 'SIGTERM');
    await waitGone(server);
    await expect(get(`${origin}/`)).rejects.toThrow(/ECONNREFUSED/);
  }, 300_000);

  it('reads the certificate status the way `npm start` does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phuluc-certs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const files = { cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
    expect(devCerts.readCertificate(files).status).toBe('missing');
    await quietly(() =>
      officeDevCerts.generateCertificates(join(dir, 'ca.crt'), files.cert, files.key, 30),
    );
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    expect(devCerts.readCertificate(files, now).status).toBe('ok');
    expect(devCerts.readCertificate(files, new Date(now.getTime() + 29.5 * day)).status).toBe(
      'expiring',
    );
    expect(devCerts.readCertificate(files, new Date(now.getTime() + 31 * day)).status).toBe(
      'expired',
    );
    // The CA is no certificate for localhost.
    expect(devCerts.readCertificate({ cert: join(dir, 'ca.crt'), key: files.key }).status).toBe(
      'unusable',
    );

    const env = { DEV_SERVER_CERT: files.cert, DEV_SERVER_KEY: files.key };
    const tls = devCerts.devServerTls(env);
    expect(tls.server).toEqual({
      type: 'https',
      options: { cert: readFileSync(files.cert), key: readFileSync(files.key) },
    });
    const late = devCerts.devServerTls(env, new Date(now.getTime() + 31 * day));
    expect(late.server).toBe('http');
    expect(late.reason).toEqual({
      vi: 'chứng chỉ https đã hết hạn (DEV_SERVER_CERT/DEV_SERVER_KEY)',
      en: 'the https certificate expired (DEV_SERVER_CERT/DEV_SERVER_KEY)',
    });
  });
});
