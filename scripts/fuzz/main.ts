// `npm run fuzz -- --count 10000 [--seed 1] [--first 0] [--libreoffice-every 100]`: that many
// fuzzed plans through `phuluc build`, every workbook opened by openpyxl, a sample by LibreOffice;
// prints the figures. Exit 1 when a case ended in a design error or an unreadable workbook.

import { tmpdir } from 'os';
import { join } from 'path';
import { parseArgs } from 'util';
import { findSoffice } from '../../test/libreoffice/soffice';
import { hasOpenpyxl, runFuzz, type FuzzReport } from './harness';

function summary(r: FuzzReport): string {
  const reasons = new Map<string, number>();
  for (const c of r.refused) {
    const why = c.message
      .replace(/^phuluc: Lỗi: .*? \/ Error: /, '')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\[\d+\]/g, '[n]')
      .replace(/\d+(\.\d+)?/g, 'n')
      .slice(0, 100);
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  const lines = [
    `cases: ${r.cases} (rebuilt over a tracker with typed values: ${r.rebuilt})`,
    `written: ${r.written}; refused clearly: ${r.refused.length}; design errors: ${r.designErrors.length}`,
    `opened by openpyxl: ${r.openedByOpenpyxl} of ${r.written}; by LibreOffice: ${r.openedByLibreOffice} (sample)`,
    `unreadable: ${r.unreadable.length}`,
    `time: build ${(r.buildMs / 1000).toFixed(1)} s, openpyxl ${(r.openpyxlMs / 1000).toFixed(1)} s, LibreOffice ${(r.libreOfficeMs / 1000).toFixed(1)} s; slowest case ${r.slowest?.id} ${r.slowest?.ms} ms`,
  ];
  if (reasons.size > 0) {
    lines.push('refusals:');
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${n} × ${why}`);
  }
  for (const d of r.designErrors.slice(0, 20)) lines.push(`DESIGN ERROR ${d.id}: ${d.message}`);
  for (const u of r.unreadable.slice(0, 20))
    lines.push(`UNREADABLE ${u.id} (${u.reader}): ${u.error}`);
  if (r.designErrors.length + r.unreadable.length > 0) lines.push(`inputs kept in ${r.kept}`);
  return lines.join('\n');
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      first: { type: 'string', default: '0' },
      'libreoffice-every': { type: 'string', default: '100' },
    },
  });
  if (!hasOpenpyxl()) {
    process.stderr.write('openpyxl is missing: apt-get install -y python3-openpyxl\n');
    process.exit(2);
  }
  const soffice = findSoffice();
  if (!soffice) process.stderr.write('LibreOffice is missing: the sample is not opened by it\n');
  const count = Number(values.count);
  const started = Date.now();
  const report = await runFuzz({
    count,
    seed: Number(values.seed),
    first: Number(values.first),
    dir: join(tmpdir(), `phuluc-fuzz-${process.pid}`),
    libreOfficeEvery: Number(values['libreoffice-every']),
    soffice,
    onProgress: (done, r) => {
      if (done % 1000 === 0 || done === count)
        process.stderr.write(
          `${done}/${count}: ${r.written} written, ${r.refused.length} refused, ${r.designErrors.length} design errors, ${r.unreadable.length} unreadable (${Math.round((Date.now() - started) / 1000)} s)\n`,
        );
    },
  });
  process.stdout.write(
    `${summary(report)}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  process.exitCode = report.designErrors.length + report.unreadable.length > 0 ? 1 : 0;
}

void run();
