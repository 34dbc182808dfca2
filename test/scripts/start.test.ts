// `npm start` as a person runs it: the page is served, and once npm is stopped nothing is left
// serving the port (issue 12: `webpack serve` under npm outlived npm).
import { spawn, type ChildProcess } from 'child_process';
import { get } from 'http';
import { createServer } from 'net';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** The status of GET url, or null when nothing answers. */
function status(url: string): Promise<number | null> {
  return new Promise((done) => {
    const req = get(url, (res) => {
      res.resume();
      done(res.statusCode ?? null);
    });
    req.on('error', () => done(null));
    req.setTimeout(2000, () => {
      req.destroy();
      done(null);
    });
  });
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

describe('npm start', () => {
  let npm: ChildProcess | null = null;

  afterEach(() => {
    // Whatever happened, nothing this test started keeps running: its own process group.
    if (npm?.pid) {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });

  it('serves the page, and stops serving when npm is stopped', async () => {
    const port = await freePort();
    const url = `http://localhost:${port}/taskpane.html`;
    npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, DEV_SERVER_PORT: String(port), DEV_SERVER_HTTPS: '' },
      detached: true,
      stdio: 'ignore',
    });
    expect(await until(async () => (await status(url)) === 200, 240_000)).toBe(true);
    npm.kill('SIGTERM');
    expect(await until(async () => (await status(url)) === null, 10_000)).toBe(true);
  }, 300_000);
});
