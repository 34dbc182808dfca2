// What the command-line scenario tests share: a private folder of numbered files (removed after
// the suite), `phuluc` run in-process with its output captured, and Debian's python3 with
// openpyxl running one of the helper scripts beside this file.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../../src/cli/main';

/** Debian's python3, which has openpyxl (the pyenv one on PATH may not). */
export const PYTHON = '/usr/bin/python3';

export const hasOpenpyxl = (): boolean =>
  spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

/** A folder for the suite and a maker of fresh file names in it ("1-name", "2-name"…). */
export function suiteFolder(prefix: string): { dir: string; file: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return { dir, file: (name) => join(dir, `${++n}-${name}`) };
}

/** `phuluc ARGS…` in-process: its exit code and what it printed. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Runs `helpers/SCRIPT ARGS…` with openpyxl's python; its standard output, or an error. */
export function pythonScript(script: string): (...args: string[]) => string {
  const path = join(__dirname, script);
  return (...args) => {
    const r = spawnSync(PYTHON, [path, ...args], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${script} ${args[0]}: ${r.stderr}`);
    return r.stdout;
  };
}
