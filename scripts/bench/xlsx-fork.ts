// A child of `npm run bench:xlsx-writers`: renderXlsx with `require('exceljs')` answered by a
// fork of ExcelJS from XLSX_CANDIDATES. The hook is set before anything loads ExcelJS, so this
// file imports nothing of the project statically.
//
//   node dist/bench/scripts/bench/xlsx-fork.js FORK TASKS  → JSON { ms, file (base64) } or { error }

import Module from 'module';
import { join } from 'path';

async function main(fork: string, tasks: number): Promise<void> {
  const candidates = process.env.XLSX_CANDIDATES ?? '';
  const target = Module.createRequire(join(candidates, 'index.js')).resolve(fork);
  const resolver = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = resolver._resolveFilename;
  resolver._resolveFilename = (request, ...rest) =>
    request === 'exceljs' ? target : original.call(Module, request, ...rest);
  // ExcelTS has named exports only; renderXlsx imports ExcelJS's default export.
  const lib = require(target) as Record<string, unknown>;
  if (lib.default === undefined) Object.defineProperty(lib, 'default', { value: lib });

  const { renderXlsx } = await import('../../src/render/xlsx');
  const { layoutWorkbook } = await import('../../src/layout');
  const { BENCH_OPTIONS } = await import('./renderers');
  const { syntheticPlan } = await import('./generate');
  const { best } = await import('./timing');
  if (!Object.keys(require.cache).some((k) => k.startsWith(join(candidates, fork))))
    throw new Error(`${fork} was not loaded in place of exceljs`);
  const layout = layoutWorkbook(syntheticPlan(tasks), BENCH_OPTIONS);
  let bytes: Uint8Array = new Uint8Array();
  try {
    const t = await best(2, async () => (bytes = await renderXlsx(layout)));
    process.stdout.write(
      JSON.stringify({ ms: t.wall, cpu: t.cpu, file: Buffer.from(bytes).toString('base64') }),
    );
  } catch (error) {
    process.stdout.write(
      JSON.stringify({ error: error instanceof Error ? error.message : String(error) }),
    );
  }
}

main(process.argv[2] ?? '', Number(process.argv[3] ?? 10000)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
