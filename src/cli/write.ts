// Writing a file so that it appears whole or not at all, even if the process is killed or the
// machine loses power: a temporary file next to the target (same folder, so the rename is
// atomic), flushed to disk, renamed over the target, and the folder flushed too. A symbolic
// link keeps pointing where it did (its target is replaced); a read-only tracker is refused,
// not replaced; temporary files a killed run left behind are removed on the next run.

import { constants, promises as fs } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { CliError } from './errors';

/** `.so-theo-doi.xlsx.12345.lx3k9.phuluc-tmp`: hidden, and recognisably ours. */
const TEMP_SUFFIX = '.phuluc-tmp';

function tempName(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${TEMP_SUFFIX}`,
  );
}

export function writeError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError('folder-missing', { path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'EROFS')
    return new CliError('write-denied', { path });
  if (code === 'EISDIR') return new CliError('output-is-folder', { path });
  if (code === 'ENOSPC') return new CliError('disk-full', {});
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError('write-failed', { path, detail });
}

/** Where the bytes really go: a symbolic link's target (followed to the end), else the path. */
async function realTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(path, error);
  }
  // A dangling link: write where it points.
  try {
    const link = await fs.readlink(path);
    return resolve(dirname(resolve(path)), link);
  } catch {
    return resolve(path);
  }
}

/** Removes temporary files a killed run of ours left next to `target` (older than a minute). */
async function cleanLeftovers(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  const now = Date.now();
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX))
      .map(async (n) => {
        const file = join(dir, n);
        const pid = Number(n.slice(prefix.length).split('.')[0]);
        try {
          const stat = await fs.stat(file);
          if (pid !== process.pid && now - stat.mtimeMs > 60_000) await fs.rm(file);
        } catch {
          // gone already, or not ours to remove
        }
      }),
  );
}

/**
 * Refuses a target that exists and is read-only: a person marked it so (an archived tracker),
 * and replacing it by rename would ignore that.
 */
async function checkWritable(target: string, shown: string): Promise<void> {
  const readOnly = (): CliError => new CliError('read-only', { path: shown });
  try {
    // No write permission for anyone: marked read-only on purpose (even an administrator,
    // who could write it anyway, is refused).
    if (((await fs.stat(target)).mode & 0o222) === 0) throw readOnly();
    await fs.access(target, constants.W_OK);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw readOnly();
    throw writeError(shown, error);
  }
}

/** Writes `bytes` to `path` whole (see the top of this file). */
export async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const target = await realTarget(path);
  await checkWritable(target, path);
  await cleanLeftovers(target);
  const tmp = tempName(target);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(tmp, 'wx', 0o666);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    // Keep the mode of the file it replaces.
    const old = await fs.stat(target).catch(() => null);
    if (old) await fs.chmod(tmp, old.mode & 0o7777).catch(() => undefined);
    await fs.rename(tmp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(path, error);
  }
  // The rename is durable once the folder is flushed (not possible on every system).
  try {
    const dir = await fs.open(dirname(target), 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch {
    // Windows cannot open a folder; its renames are durable enough.
  }
}
