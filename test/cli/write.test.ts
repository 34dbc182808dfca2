// Writes that appear whole or not at all: symlinks followed, read-only files refused, leftovers
// of a killed run removed, nothing else in the folder touched.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CliError } from '../../src/cli/errors';
import { writeWhole } from '../../src/cli/write';

const tmp = mkdtempSync(join(tmpdir(), 'phuluc-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const dir = (): string => {
  const d = join(tmp, String(++n));
  mkdirSync(d);
  return d;
};
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('writeWhole', () => {
  test('writes a new file and leaves nothing else', async () => {
    const d = dir();
    await writeWhole(join(d, 'a.xlsx'), bytes('one'));
    expect(readFileSync(join(d, 'a.xlsx'), 'utf8')).toBe('one');
    expect(readdirSync(d)).toEqual(['a.xlsx']);
  });

  test('a symbolic link keeps pointing at its target, which gets the new bytes', async () => {
    const d = dir();
    const real = join(d, 'real.xlsx');
    writeFileSync(real, 'old');
    const link = join(d, 'link.xlsx');
    symlinkSync(real, link);
    await writeWhole(link, bytes('new'));
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(d).sort()).toEqual(['link.xlsx', 'real.xlsx']);
  });

  test('the mode of the file it replaces is kept', async () => {
    const d = dir();
    const file = join(d, 'a.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeWhole(file, bytes('new'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  test('a read-only tracker is refused, not replaced', async () => {
    const d = dir();
    const file = join(d, 'a.xlsx');
    writeFileSync(file, 'old');
    chmodSync(file, 0o444);
    const error = await writeWhole(file, bytes('new')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).vi).toMatch(/chỉ cho đọc/);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  test('temporary files a killed run left are removed; fresh ones of another run are not', async () => {
    const d = dir();
    const stale = join(d, '.a.xlsx.99999.abc.phuluc-tmp');
    const fresh = join(d, '.a.xlsx.99998.abd.phuluc-tmp');
    const other = join(d, '.b.xlsx.99999.abc.phuluc-tmp');
    const mine = join(d, 'notes.txt');
    for (const f of [stale, fresh, other, mine]) writeFileSync(f, 'x');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    await writeWhole(join(d, 'a.xlsx'), bytes('new'));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(mine)).toBe(true);
  });

  test('a folder that does not exist is a clear error', async () => {
    const error = await writeWhole(join(tmp, 'no', 'such', 'a.xlsx'), bytes('x')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).vi).toMatch(/không tồn tại/);
  });
});
