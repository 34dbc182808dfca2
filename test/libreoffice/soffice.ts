// LibreOffice headless as a second spreadsheet engine: open a produced .xlsx, recalculate every
// formula, and save it again (as .xlsx with cached results, as PDF, or as CSV). A private
// profile keeps it away from any user's settings and makes it recalculate on load.
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';

/** The `soffice` command, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const command of ['soffice', 'libreoffice']) {
    const probe = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.status === 0 && /LibreOffice/.test(probe.stdout)) return command;
  }
  return null;
}

/** Recalculate always on load, for .xlsx and .ods (the default asks, or never recalculates). */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice profile in `dir`; returns its -env:UserInstallation argument. */
export function privateProfile(dir: string): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), REGISTRY);
  return `-env:UserInstallation=${pathToFileURL(dir).href}`;
}

export interface ConvertResult {
  status: number | null;
  output: string;
}

/**
 * Converts files with LibreOffice (`format` as for --convert-to, e.g. "xlsx", "pdf") into
 * `outDir`; fails on a time-out rather than hanging the test run.
 */
export function convert(
  soffice: string,
  profile: string,
  files: string[],
  format: string,
  outDir: string,
  timeoutMs = 240_000,
): ConvertResult {
  const result = spawnSync(
    soffice,
    [profile, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' },
  );
  if (result.error) throw new Error(`LibreOffice failed: ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
