// `npm run bench:xlsx-writers`: the .xlsx writer PhuLuc uses (ExcelJS 4.4.0 with the patches of
// src/render/xlsx/patch.ts) against the writers that exist today, on the 10,000-task workbook
// (docs/xlsx-writer.md holds the figures and the decision). Not a test.
//
// - "full": the whole tracker (renderXlsx), with ExcelJS or a fork put in its place (each fork in
//   a child process whose `require('exceljs')` answers the fork);
// - "cells": what every candidate can write, so they compare on the bulk of the work: every cell
//   with its style, column widths, row heights, merges and frozen panes.
// Each file is read back with PhuLuc's own reader and compared with the ExcelJS file.
//
// Candidates that are not the project's dependencies come from a folder of their own:
//   npm install --prefix /tmp/xlsx-cands @zurmokeeper/exceljs@4.4.9 @protobi/exceljs@4.4.0-protobi.10 \
//     nuvo-exceljs@4.5.18 @cj-tech-master/excelts@10.2.0 wasm-xlsxwriter@0.13.1 excelize-wasm@0.1.3
//   XLSX_CANDIDATES=/tmp/xlsx-cands/node_modules npm run bench:xlsx-writers [tasks]

import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import Module from 'module';
import { join } from 'path';
import { gzipSync } from 'zlib';
import type ExcelJSModule from 'exceljs';
import { parseCellRef } from '../../src/excel/a1';
import { isoToSerial } from '../../src/excel/dates';
import { layoutWorkbook } from '../../src/layout';
import type { Cell, CellStyle, WorkbookLayout } from '../../src/layout/types';
import { openWorkbook } from '../../src/readers/xlsx';
import { cellStyle } from '../../src/render/xlsx/style';
import { BENCH_OPTIONS } from './renderers';
import { syntheticPlan } from './generate';
import { best, fmt } from './timing';
import { BUILD_TARGET_RATIO, valuesOnlyWrite } from './values-only';
import { writeDirect } from './xlsx-direct';

const CANDIDATES = process.env.XLSX_CANDIDATES ?? '';
/** Candidates to leave out, by name (XLSX_SKIP=excelize skips the slowest). */
const SKIP = process.env.XLSX_SKIP ? new RegExp(process.env.XLSX_SKIP) : null;
const FORKS = [
  '@zurmokeeper/exceljs',
  '@protobi/exceljs',
  'nuvo-exceljs',
  '@cj-tech-master/excelts',
];

type ExcelJSLike = typeof ExcelJSModule;

interface Result {
  name: string;
  ms?: number;
  cpu?: number;
  bytes?: number;
  error?: string;
  file?: Uint8Array;
}

/** Every cell of the layout with its 1-based position. */
function* cellsOf(sheet: WorkbookLayout['sheets'][number]): Generator<[number, number, Cell]> {
  for (const block of sheet.blocks) {
    const origin = parseCellRef(block.origin)!;
    for (let r = 0; r < block.rows.length; r++) {
      const cells = block.rows[r]!;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell) yield [origin.row + r, origin.col + c, cell];
      }
    }
  }
}

/** "cells" with an ExcelJS-shaped library (ExcelJS, its forks, ExcelTS). */
async function cellsExcelJS(lib: ExcelJSLike, layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = new lib.Workbook();
  const styles = new Map(Object.entries(layout.styles).map(([id, s]) => [id, cellStyle(s)]));
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor}` } } } : {}),
      ...(sheet.freeze
        ? { views: [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] }
        : {}),
    });
    sheet.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    for (const [row, col, cell] of cellsOf(sheet)) {
      const target = ws.getCell(row, col);
      if (cell.formula !== undefined)
        target.value = { formula: cell.formula } as ExcelJSModule.CellFormulaValue;
      else if (cell.text !== undefined) target.value = cell.text;
      else if (cell.number !== undefined) target.value = cell.number;
      else if (cell.date !== undefined) target.value = isoToSerial(cell.date);
      else if (cell.bool !== undefined) target.value = cell.bool;
      const style = cell.style !== undefined ? styles.get(cell.style) : undefined;
      if (style) target.style = style;
    }
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
      ws.getRow(Number(row)).height = height;
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
  }
  const data = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as ExcelJSModule.XlsxWriteOptions);
  return new Uint8Array(data as ArrayBuffer);
}

// wasm-xlsxwriter (rust_xlsxwriter compiled to WebAssembly), as far as this bench uses it.
interface WxFormat {
  setBold(): WxFormat;
  setItalic(): WxFormat;
  setFontSize(size: number): WxFormat;
  setFontColor(color: unknown): WxFormat;
  setBackgroundColor(color: unknown): WxFormat;
  setNumFormat(format: string): WxFormat;
  setTextWrap(): WxFormat;
  setAlign(align: number): WxFormat;
  setBorder(border: number): WxFormat;
  setBorderColor(color: unknown): WxFormat;
}
interface WxSheet {
  setName(name: string): WxSheet;
  setColumnWidth(col: number, width: number): WxSheet;
  setRowHeight(row: number, height: number): WxSheet;
  setFreezePanes(row: number, col: number): WxSheet;
  writeStringWithFormat(row: number, col: number, text: string, f: WxFormat): WxSheet;
  writeNumberWithFormat(row: number, col: number, n: number, f: WxFormat): WxSheet;
  writeBooleanWithFormat(row: number, col: number, b: boolean, f: WxFormat): WxSheet;
  writeFormulaWithFormat(row: number, col: number, formula: unknown, f: WxFormat): WxSheet;
  writeBlank(row: number, col: number, f: WxFormat): WxSheet;
  mergeRange(r1: number, c1: number, r2: number, c2: number, text: string, f: WxFormat): WxSheet;
}
interface Wx {
  Workbook: new () => { addWorksheet(): WxSheet; saveToBufferSync(): Uint8Array };
  Format: new () => WxFormat;
  Formula: new (text: string) => unknown;
  Color: { rgb(hex: number): unknown };
}

function cellsWasmXlsxwriter(wx: Wx, layout: WorkbookLayout): Uint8Array {
  const wb = new wx.Workbook();
  const formats = new Map<string, WxFormat>();
  const formatOf = (style: CellStyle | undefined, date: boolean): WxFormat => {
    const key = `${JSON.stringify(style ?? {})}|${date}`;
    let f = formats.get(key);
    if (f) return f;
    f = new wx.Format();
    const s = style ?? {};
    if (s.font?.bold) f = f.setBold();
    if (s.font?.italic) f = f.setItalic();
    if (s.font?.size) f = f.setFontSize(s.font.size);
    if (s.font?.color) f = f.setFontColor(wx.Color.rgb(parseInt(s.font.color, 16)));
    if (s.fill) f = f.setBackgroundColor(wx.Color.rgb(parseInt(s.fill, 16)));
    const numFmt = s.numberFormat ?? (date ? 'dd/mm/yyyy' : undefined);
    if (numFmt) f = f.setNumFormat(numFmt);
    if (s.alignment?.wrap) f = f.setTextWrap();
    const h = { left: 1, center: 2, right: 3 }[s.alignment?.horizontal ?? 'left'];
    if (s.alignment?.horizontal) f = f.setAlign(h);
    if (s.alignment?.vertical)
      f = f.setAlign({ top: 8, middle: 10, bottom: 9 }[s.alignment.vertical]);
    if (s.border) f = f.setBorder(1).setBorderColor(wx.Color.rgb(parseInt(s.border, 16)));
    formats.set(key, f);
    return f;
  };
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet().setName(sheet.name);
    sheet.columns.forEach((c, i) => ws.setColumnWidth(i, c.width));
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
      ws.setRowHeight(Number(row) - 1, height);
    if (sheet.freeze) ws.setFreezePanes(sheet.freeze.rows, sheet.freeze.columns);
    for (const [row, col, cell] of cellsOf(sheet)) {
      const f = formatOf(
        cell.style !== undefined ? layout.styles[cell.style] : undefined,
        cell.date !== undefined,
      );
      const r = row - 1;
      const c = col - 1;
      if (cell.formula !== undefined)
        ws.writeFormulaWithFormat(r, c, new wx.Formula(cell.formula), f);
      else if (cell.text !== undefined) ws.writeStringWithFormat(r, c, cell.text, f);
      else if (cell.number !== undefined) ws.writeNumberWithFormat(r, c, cell.number, f);
      else if (cell.date !== undefined) ws.writeNumberWithFormat(r, c, isoToSerial(cell.date), f);
      else if (cell.bool !== undefined) ws.writeBooleanWithFormat(r, c, cell.bool, f);
      else ws.writeBlank(r, c, f);
    }
  }
  return wb.saveToBufferSync();
}

// excelize-wasm (Go's Excelize compiled to WebAssembly), as far as this bench uses it.
interface XzFile {
  NewSheet(name: string): { error: string | null };
  DeleteSheet(name: string): { error: string | null };
  SetCellValue(sheet: string, cell: string, value: unknown): { error: string | null };
  SetCellFormula(sheet: string, cell: string, formula: string): { error: string | null };
  SetCellStyle(sheet: string, from: string, to: string, style: number): { error: string | null };
  NewStyle(style: unknown): { style: number; error: string | null };
  SetColWidth(sheet: string, from: string, to: string, width: number): { error: string | null };
  MergeCell(sheet: string, from: string, to: string): { error: string | null };
  WriteToBuffer(): { buffer: Uint8Array; error: string | null };
}

async function cellsExcelize(
  xz: { NewFile(): XzFile },
  layout: WorkbookLayout,
): Promise<Uint8Array> {
  const { cellRef, columnName } = await import('../../src/excel/a1');
  const f = xz.NewFile();
  const styles = new Map<string, number>();
  const styleOf = (style: CellStyle | undefined, date: boolean): number => {
    const key = `${JSON.stringify(style ?? {})}|${date}`;
    const known = styles.get(key);
    if (known !== undefined) return known;
    const s = style ?? {};
    const out: Record<string, unknown> = {};
    if (s.font)
      out.Font = {
        Bold: !!s.font.bold,
        Italic: !!s.font.italic,
        Size: s.font.size ?? 11,
        ...(s.font.color ? { Color: s.font.color } : {}),
      };
    if (s.fill) out.Fill = { Type: 'pattern', Pattern: 1, Color: [s.fill] };
    const numFmt = s.numberFormat ?? (date ? 'dd/mm/yyyy' : undefined);
    if (numFmt) out.CustomNumFmt = numFmt;
    if (s.alignment)
      out.Alignment = {
        Horizontal: s.alignment.horizontal ?? '',
        Vertical: s.alignment.vertical === 'middle' ? 'center' : (s.alignment.vertical ?? ''),
        WrapText: !!s.alignment.wrap,
      };
    if (s.border)
      out.Border = ['left', 'right', 'top', 'bottom'].map((t) => ({
        Type: t,
        Color: s.border,
        Style: 1,
      }));
    const id = f.NewStyle(out).style;
    styles.set(key, id);
    return id;
  };
  for (const sheet of layout.sheets) f.NewSheet(sheet.name);
  f.DeleteSheet('Sheet1');
  for (const sheet of layout.sheets) {
    sheet.columns.forEach((c, i) =>
      f.SetColWidth(sheet.name, columnName(i + 1), columnName(i + 1), c.width),
    );
    for (const [row, col, cell] of cellsOf(sheet)) {
      const ref = cellRef(row, col);
      if (cell.formula !== undefined) f.SetCellFormula(sheet.name, ref, cell.formula);
      else if (cell.text !== undefined) f.SetCellValue(sheet.name, ref, cell.text);
      else if (cell.number !== undefined) f.SetCellValue(sheet.name, ref, cell.number);
      else if (cell.date !== undefined) f.SetCellValue(sheet.name, ref, isoToSerial(cell.date));
      else if (cell.bool !== undefined) f.SetCellValue(sheet.name, ref, cell.bool);
      const id = styleOf(
        cell.style !== undefined ? layout.styles[cell.style] : undefined,
        cell.date !== undefined,
      );
      if (id) f.SetCellStyle(sheet.name, ref, ref, id);
    }
    for (const m of sheet.merges ?? []) {
      const [a, b] = m.split(':');
      f.MergeCell(sheet.name, a!, b!);
    }
  }
  const { buffer, error } = f.WriteToBuffer();
  if (error) throw new Error(error);
  return buffer;
}

const requireFrom = (path: string): unknown =>
  Module.createRequire(join(CANDIDATES, 'index.js'))(path);

/** What the reader finds in a file: each sheet's cells as text, formulas marked. */
async function readBack(file: Uint8Array): Promise<Map<string, Map<string, string>>> {
  const book = await openWorkbook(file);
  const out = new Map<string, Map<string, string>>();
  for (const info of book.sheets) {
    const sheet = await book.sheet(info.name);
    const cells = new Map<string, string>();
    for (const c of sheet.cells) {
      if (c.formula === undefined && c.value.type === 'empty') continue;
      cells.set(
        `${c.row}:${c.col}`,
        c.formula !== undefined ? `=${c.formula}` : JSON.stringify(c.value),
      );
    }
    out.set(info.name, cells);
  }
  return out;
}

async function compare(base: Map<string, Map<string, string>>, file: Uint8Array): Promise<string> {
  try {
    const got = await readBack(file);
    let same = 0;
    const differ: string[] = [];
    for (const [name, cells] of base) {
      const other = got.get(name) ?? new Map<string, string>();
      for (const [at, value] of cells) {
        if (other.get(at) === value) same++;
        else differ.push(`${name}!${at} ${value} → ${other.get(at) ?? '(none)'}`);
      }
    }
    if (differ.length === 0) return `all ${same} cells as ExcelJS`;
    return `${differ.length} of ${same + differ.length} cells differ, e.g. ${differ.slice(0, 2).join('; ')}`;
  } catch (error) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const tasks = Number(args[0] ?? 10000);
  const layout = layoutWorkbook(syntheticPlan(tasks), BENCH_OPTIONS);
  const cells = layout.sheets.reduce((n, s) => n + [...cellsOf(s)].length, 0);
  console.log(
    `xlsx writers — ${tasks} tasks, ${layout.sheets.length} sheets, ${cells} cells; Node ${process.version}; best of 2`,
  );
  const { renderXlsx } = await import('../../src/render/xlsx');
  const ExcelJS = (await import('exceljs')).default;
  const results: Result[] = [];
  const run = async (name: string, write: () => Promise<Uint8Array> | Uint8Array, runs = 2) => {
    let file: Uint8Array = new Uint8Array();
    try {
      if (SKIP && SKIP.test(name)) return;
      const t = await best(runs, async () => (file = await write()));
      results.push({ name, ms: t.wall, cpu: t.cpu, bytes: file.byteLength, file });
    } catch (error) {
      results.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  };

  // The yardstick of the issue's target: the same values, no styles, written by ExcelJS.
  const plain = await best(2, () => valuesOnlyWrite(layout));
  await run('full   exceljs 4.4.0 + patches (renderXlsx)', () => renderXlsx(layout));
  for (const fork of FORKS) {
    if (!CANDIDATES || !existsSync(join(CANDIDATES, fork)) || SKIP?.test(fork)) continue;
    const out = execFileSync(
      process.execPath,
      [join(__dirname, 'xlsx-fork.js'), fork, String(tasks)],
      {
        maxBuffer: 1 << 30,
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(out) as { ms?: number; cpu?: number; file?: string; error?: string };
    const file = r.file ? new Uint8Array(Buffer.from(r.file, 'base64')) : undefined;
    results.push({
      name: `full   ${fork} + patches`,
      ...(r.ms !== undefined ? { ms: r.ms, cpu: r.cpu ?? r.ms } : {}),
      ...(file ? { file, bytes: file.byteLength } : {}),
      ...(r.error ? { error: r.error } : {}),
    });
  }
  await run('cells  exceljs 4.4.0', () => cellsExcelJS(ExcelJS, layout));
  if (CANDIDATES && existsSync(join(CANDIDATES, '@cj-tech-master/excelts'))) {
    const excelts = requireFrom('@cj-tech-master/excelts') as ExcelJSLike;
    await run('cells  @cj-tech-master/excelts', () => cellsExcelJS(excelts, layout));
  }
  await run('cells  direct over fflate (prototype)', () => writeDirect(layout));
  if (CANDIDATES && existsSync(join(CANDIDATES, 'wasm-xlsxwriter'))) {
    const wx = requireFrom('wasm-xlsxwriter') as Wx;
    await run('cells  wasm-xlsxwriter (Rust)', () => cellsWasmXlsxwriter(wx, layout));
  }
  if (CANDIDATES && existsSync(join(CANDIDATES, 'excelize-wasm'))) {
    const { init } = requireFrom('excelize-wasm') as {
      init(path: string): Promise<{ NewFile(): XzFile }>;
    };
    const xz = await init(join(CANDIDATES, 'excelize-wasm', 'excelize.wasm.gz'));
    // Ten times slower than the others: timed once.
    await run('cells  excelize-wasm (Go), 1 run', () => cellsExcelize(xz, layout), 1);
  }

  const full = results[0]?.file;
  const baseFull = full ? await readBack(full) : new Map<string, Map<string, string>>();
  const cellsBase = results.find((r) => r.name.startsWith('cells  exceljs'))?.file;
  const baseCells = cellsBase ? await readBack(cellsBase) : baseFull;
  const time = (wall: number, cpu: number) =>
    `${fmt(wall).padStart(9)} (cpu ${fmt(cpu).padStart(8)})`;
  // CPU time is the figure to compare on a shared machine; the ratio is of CPU times.
  const ratio = (cpu: number) => {
    const r = cpu / plain.cpu;
    return `${r.toFixed(2)}×${r <= BUILD_TARGET_RATIO ? ' ' : '!'}`;
  };
  console.log(
    `${'writer'.padEnd(46)} ${'wall (cpu), best'.padEnd(24)} ${`÷ values (≤ ${BUILD_TARGET_RATIO}×)`.padEnd(16)}` +
      `${'file'.padStart(10)}  read back`,
  );
  console.log(
    `${'values only  exceljs 4.4.0 (the yardstick)'.padEnd(46)} ${time(plain.wall, plain.cpu)} ${'1.00×'.padEnd(16)}`,
  );
  for (const r of results) {
    const check = r.file
      ? await compare(r.name.startsWith('full') ? baseFull : baseCells, r.file)
      : '';
    const measured = r.ms !== undefined;
    console.log(
      `${r.name.padEnd(46)} ${measured ? time(r.ms!, r.cpu ?? r.ms!) : '–'.padStart(24)} ` +
        `${(measured ? ratio(r.cpu ?? r.ms!) : '–').padEnd(16)}` +
        `${r.bytes !== undefined ? `${(r.bytes / 1024).toFixed(0).padStart(7)} KB` : ''.padStart(10)}  ${r.error ? `FAILS: ${r.error}` : check}`,
    );
  }
  console.log(
    `(! over the target: building the tracker takes at most ${BUILD_TARGET_RATIO}× the values-only write; ` +
      'the "cells" lines leave out conditional formats, validations, tables, notes and print setup)',
  );
  console.log('\nbundle size (what the browser downloads, gzip -9):');
  const gz = (file: string) =>
    (gzipSync(readFileSync(file), { level: 9 }).length / 1024).toFixed(0);
  const root = join(__dirname, '..', '..', '..', '..', 'node_modules');
  const sizes: [string, string][] = [
    ['exceljs 4.4.0 dist/exceljs.min.js', join(root, 'exceljs', 'dist', 'exceljs.min.js')],
  ];
  for (const fork of FORKS.slice(0, 3))
    sizes.push([`${fork} dist/exceljs.min.js`, join(CANDIDATES, fork, 'dist', 'exceljs.min.js')]);
  sizes.push(
    [
      '@cj-tech-master/excelts dist/iife (whole)',
      join(CANDIDATES, '@cj-tech-master/excelts', 'dist', 'iife', 'excelts.iife.min.js'),
    ],
    [
      'wasm-xlsxwriter web/*.wasm',
      join(CANDIDATES, 'wasm-xlsxwriter', 'web', 'wasm_xlsxwriter_bg.wasm'),
    ],
    [
      'excelize-wasm excelize.wasm.gz (already gzip)',
      join(CANDIDATES, 'excelize-wasm', 'excelize.wasm.gz'),
    ],
  );
  for (const [name, file] of sizes) {
    if (!existsSync(file)) continue;
    const size = file.endsWith('.gz') ? (readFileSync(file).length / 1024).toFixed(0) : gz(file);
    console.log(`  ${name.padEnd(46)} ${size.padStart(6)} KB`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
