// A sheet's print setup as one write operation: orientation, paper, fit, titles, print area,
// page order, margins (inches in the layout, points in Office.js), breaks, headers and footers.

import type { SheetLayout } from '../../layout/types';
import { cost, type WriteOp } from './ops';

/** "&LText&R&P/&N" → the left / center / right sections Office.js sets one by one. */
export function headerSections(text: string): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  let section: keyof typeof out = 'center';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '&' && i + 1 < text.length) {
      const code = text[i + 1]!;
      if (code === 'L' || code === 'C' || code === 'R') {
        section = code === 'L' ? 'left' : code === 'C' ? 'center' : 'right';
        i += 2;
        continue;
      }
      out[section] += text.slice(i, i + 2); // "&&", "&P", "&N"… stay as codes
      i += 2;
      continue;
    }
    out[section] += text[i];
    i++;
  }
  return out;
}

export function printOp(sheet: SheetLayout): WriteOp {
  const p = sheet.print;
  const header = p.header ? headerSections(p.header) : null;
  const footer = p.footer ? headerSections(p.footer) : null;
  const orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  const sections = [
    header?.left,
    header?.center,
    header?.right,
    footer?.left,
    footer?.center,
    footer?.right,
  ].filter((s) => s).length;
  const actions =
    3 +
    sections +
    (p.repeatRows ? 1 : 0) +
    (p.repeatColumns ? 1 : 0) +
    (p.printArea ? 1 : 0) +
    (p.pageOrder ? 1 : 0) +
    (p.margins ? 6 : 0) +
    (p.centerHorizontally ? 1 : 0) +
    (p.rowBreaks?.length ?? 0);
  const bare = (ref: string): string => ref.replace(/\$/g, '');
  return {
    bytes: cost(actions, p, header, footer),
    run: (env) => {
      const ws = env.sheet(sheet.name);
      const layout = ws.pageLayout;
      layout.orientation = orientation;
      layout.paperSize = p.paperSize;
      if (p.fitToWidth)
        layout.zoom = p.fitToHeight
          ? { horizontalFitToPages: 1, verticalFitToPages: p.fitToHeight }
          : { horizontalFitToPages: 1 };
      else if (p.scale) layout.zoom = { scale: p.scale };
      if (p.repeatRows) {
        const [a, b] = p.repeatRows.split(':');
        layout.setPrintTitleRows(`$${bare(a!)}:$${bare(b ?? a!)}`);
      }
      if (p.repeatColumns) {
        const [a, b] = p.repeatColumns.split(':');
        layout.setPrintTitleColumns(`$${bare(a!)}:$${bare(b ?? a!)}`);
      }
      if (p.printArea) layout.setPrintArea(p.printArea);
      if (p.pageOrder)
        layout.printOrder = p.pageOrder === 'overThenDown' ? 'OverThenDown' : 'DownThenOver';
      if (p.margins) {
        // Inches in the layout, points in Office.js.
        layout.leftMargin = p.margins.left * 72;
        layout.rightMargin = p.margins.right * 72;
        layout.topMargin = p.margins.top * 72;
        layout.bottomMargin = p.margins.bottom * 72;
        layout.headerMargin = p.margins.header * 72;
        layout.footerMargin = p.margins.footer * 72;
      }
      if (p.centerHorizontally) layout.centerHorizontally = true;
      for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
      const hf = layout.headersFooters.defaultForAllPages;
      if (header?.left) hf.leftHeader = header.left;
      if (header?.center) hf.centerHeader = header.center;
      if (header?.right) hf.rightHeader = header.right;
      if (footer?.left) hf.leftFooter = footer.left;
      if (footer?.center) hf.centerFooter = footer.center;
      if (footer?.right) hf.rightFooter = footer.right;
    },
  };
}
