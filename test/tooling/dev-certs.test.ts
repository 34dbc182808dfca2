// `npm run certs` (scripts/dev-certs.js): how each computer gets the development CA trusted. On
// Linux that takes root: sudo, root itself, or an administrator given the commands.

import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { devCerts, ROOT, type TrustPlan } from '../helpers/scripts';

const DEBIAN = devCerts.LINUX_STORES[0]!;
const FEDORA = devCerts.LINUX_STORES[1]!;
const CA = '/home/an/.office-addin-dev-certs/ca.crt';

describe('trusting the development CA', () => {
  const cases: [string, Parameters<typeof devCerts.trustPlan>[0], TrustPlan][] = [
    [
      'Windows: office-addin-dev-certs (Windows asks in a dialog)',
      { platform: 'win32', uid: -1, hasSudo: false, caPath: CA },
      { kind: 'library' },
    ],
    [
      'macOS: office-addin-dev-certs (the keychain asks)',
      { platform: 'darwin', uid: 501, hasSudo: true, caPath: CA },
      { kind: 'library' },
    ],
    [
      'Linux with sudo: office-addin-dev-certs, sudo asks for the password',
      { platform: 'linux', uid: 1000, hasSudo: true, store: DEBIAN, caPath: CA },
      { kind: 'library', sudo: true },
    ],
    [
      'Linux as root with sudo: office-addin-dev-certs, nothing asked',
      { platform: 'linux', uid: 0, hasSudo: true, store: DEBIAN, caPath: CA },
      { kind: 'library', sudo: false },
    ],
    [
      'Linux as root without sudo (a container): the CA copied into the store directly',
      { platform: 'linux', uid: 0, hasSudo: false, store: DEBIAN, caPath: CA },
      {
        kind: 'root',
        commands: [
          "mkdir -p '/usr/local/share/ca-certificates/office-addin-dev-certs'",
          `cp '${CA}' '/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt'`,
          '/usr/sbin/update-ca-certificates',
        ],
      },
    ],
    [
      'Linux without sudo or root, Fedora: the commands for an administrator',
      { platform: 'linux', uid: 1000, hasSudo: false, store: FEDORA, caPath: CA },
      {
        kind: 'manual',
        commands: [
          "mkdir -p '/etc/ca-certificates/trust-source/anchors'",
          `cp '${CA}' '/etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt'`,
          '/usr/sbin/update-ca-trust',
        ],
      },
    ],
    [
      'Linux without a known store: an administrator adds the file',
      { platform: 'linux', uid: 1000, hasSudo: true, caPath: CA },
      { kind: 'manual', commands: [], noStore: true },
    ],
    [
      'another system',
      { platform: 'freebsd', uid: 1000, hasSudo: true, caPath: CA },
      { kind: 'unsupported' },
    ],
  ];

  test.each(cases)('%s', (_name, input, plan) => {
    expect(devCerts.trustPlan(input)).toEqual(plan);
  });
});

describe('npm run certs -- --dry-run', () => {
  it('says what it would do on this computer and changes nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'phuluc-certs-home-'));
    try {
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'dev-certs.js'), '--dry-run'],
        {
          env: { ...process.env, HOME: home },
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(0);
      const dir = join(home, '.office-addin-dev-certs');
      expect(run.stdout).toContain(`Chứng chỉ localhost: missing (${dir})`);
      expect(run.stdout).toContain(`localhost certificate: missing (${dir})`);
      expect(run.stdout).toMatch(/How the CA gets trusted: (library|root|manual)\./);
      expect(readdirSync(home)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
