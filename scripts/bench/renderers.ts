// The renderers the bench times. Each turns a plan into a workbook its own way; the bench prints
// the time of each (layout + .xlsx writer) against the plain ExcelJS write of the same cells. To
// add one (the Office.js renderer on the Excel double, say), add an entry to RENDERERS.

import type { Plan } from '../../src/core/plan/types';
import { layoutWorkbook } from '../../src/layout';
import { nodeCompressor } from '../../src/cli/compressor';
import { renderXlsx } from '../../src/render/xlsx';

export interface BenchRenderer {
  name: string;
  /** Lays out and writes the workbook for the plan; resolves when it is complete. */
  run(plan: Plan): Promise<void>;
}

/** The layout options every renderer is timed with. */
export const BENCH_OPTIONS = {
  reportDate: '2024-06-30',
  dueSoonDays: 7,
  language: 'vi' as const,
  groupSheets: false,
};

/**
 * The build as each door runs it: the command line deflates with Node's zlib, the page with
 * fflate (JavaScript); the layout and the parts are the same.
 */
export const RENDERERS: BenchRenderer[] = [
  {
    name: 'command line (zlib)',
    run: async (plan) => {
      await renderXlsx(layoutWorkbook(plan, BENCH_OPTIONS), { compressor: nodeCompressor });
    },
  },
  {
    name: 'page (fflate)',
    run: async (plan) => {
      await renderXlsx(layoutWorkbook(plan, BENCH_OPTIONS));
    },
  },
];
