// PDF → what the table reader needs from each page: the text runs with their positions, the
// straight lines drawn (a table's rulings: stroked lines and thin filled rectangles) and how
// much of the page pictures cover (a scanned page is one picture). PDF.js reads the file; it is
// handed in (`PdfLib`) so the page and the command line load it their own way. Coordinates are
// the page as displayed: points, origin top left, y downwards, the page's /Rotate applied.

import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageContent, Segment, TextRun } from './model';

/** The PDF.js module (its legacy build, for Node 20 and older browsers). */
export type PdfLib = typeof Pdfjs;

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2 as PDF composes them: a point goes through m1 first, then m2. */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Why a PDF could not be read at all. */
export class PdfOpenError extends Error {
  constructor(
    readonly code: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'PdfOpenError';
  }
}

/** A white or transparent paint draws nothing a reader sees. */
function invisible(color: unknown): boolean {
  if (typeof color !== 'string') return false;
  if (color === 'transparent') return true;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return !!m && [m[1], m[2], m[3]].every((h) => parseInt(h!, 16) >= 0xf0);
}

interface GraphicsState {
  ctm: Matrix;
  stroke: unknown;
  fill: unknown;
}

/** Lines, filled bars and pictures of one page, from its operator list. */
function readDrawing(
  lib: PdfLib,
  ops: { fnArray: number[]; argsArray: unknown[] },
  view: Matrix,
  pageArea: number,
): { segments: Segment[]; pictureArea: number } {
  const OPS = lib.OPS;
  const segments: Segment[] = [];
  let pictureArea = 0;
  let state: GraphicsState = { ctm: IDENTITY, stroke: '#000000', fill: '#000000' };
  const stack: GraphicsState[] = [];
  const toView = (x: number, y: number): [number, number] => apply(view, ...apply(state.ctm, x, y));

  const addPath = (paint: number, data: ArrayLike<number>): void => {
    const stroke =
      paint === OPS.stroke ||
      paint === OPS.closeStroke ||
      paint === OPS.fillStroke ||
      paint === OPS.eoFillStroke ||
      paint === OPS.closeFillStroke ||
      paint === OPS.closeEOFillStroke;
    const fill =
      paint === OPS.fill ||
      paint === OPS.eoFill ||
      paint === OPS.fillStroke ||
      paint === OPS.eoFillStroke ||
      paint === OPS.closeFillStroke ||
      paint === OPS.closeEOFillStroke;
    if (!stroke && !fill) return; // a clipping path, or a path ended unpainted
    // Subpaths as lists of points in page coordinates.
    const subpaths: [number, number][][] = [];
    let current: [number, number][] = [];
    for (let i = 0; i < data.length;) {
      const op = data[i]!;
      if (op === 0) {
        if (current.length > 0) subpaths.push(current);
        current = [toView(data[i + 1]!, data[i + 2]!)];
        i += 3;
      } else if (op === 1) {
        current.push(toView(data[i + 1]!, data[i + 2]!));
        i += 3;
      } else if (op === 2) {
        // A curve: not a ruling. End the subpath here.
        if (current.length > 0) subpaths.push(current);
        current = [toView(data[i + 5]!, data[i + 6]!)];
        i += 7;
      } else if (op === 3) {
        if (current.length > 0) subpaths.push(current);
        current = [toView(data[i + 3]!, data[i + 4]!)];
        i += 5;
      } else {
        if (current.length > 1) current.push(current[0]!);
        i += 1;
      }
    }
    if (current.length > 0) subpaths.push(current);

    if (stroke && !invisible(state.stroke)) {
      for (const points of subpaths) {
        for (let k = 1; k < points.length; k++) {
          const [x1, y1] = points[k - 1]!;
          const [x2, y2] = points[k]!;
          if (Math.abs(y1 - y2) < 0.8 && Math.abs(x1 - x2) > 0.8)
            segments.push({
              x1: Math.min(x1, x2),
              y1: (y1 + y2) / 2,
              x2: Math.max(x1, x2),
              y2: (y1 + y2) / 2,
            });
          else if (Math.abs(x1 - x2) < 0.8 && Math.abs(y1 - y2) > 0.8)
            segments.push({
              x1: (x1 + x2) / 2,
              y1: Math.min(y1, y2),
              x2: (x1 + x2) / 2,
              y2: Math.max(y1, y2),
            });
        }
      }
    }
    if (fill && !invisible(state.fill)) {
      // A thin filled rectangle is a ruling drawn as a bar (Word, many PDF printers).
      for (const points of subpaths) {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const x1 = Math.min(...xs);
        const x2 = Math.max(...xs);
        const y1 = Math.min(...ys);
        const y2 = Math.max(...ys);
        const w = x2 - x1;
        const h = y2 - y1;
        if (h <= 2.5 && w > 2) segments.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
        else if (w <= 2.5 && h > 2) segments.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
      }
    }
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(args as unknown as Matrix, state.ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const matrix = (args?.[0] as Matrix | null) ?? IDENTITY;
        state.ctm = multiply(matrix, state.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setStrokeRGBColor:
        state.stroke = args?.[0];
        break;
      case OPS.setFillRGBColor:
        state.fill = args?.[0];
        break;
      case OPS.setStrokeTransparent:
        state.stroke = 'transparent';
        break;
      case OPS.setFillTransparent:
        state.fill = 'transparent';
        break;
      case OPS.constructPath: {
        const paint = args?.[0] as number;
        const data = (args?.[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null;
        if (data && typeof data === 'object' && 'length' in data) addPath(paint, data);
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat: {
        // An image fills the unit square of the current matrix.
        const corners = [apply(state.ctm, 0, 0), apply(state.ctm, 1, 0), apply(state.ctm, 0, 1)];
        const [a, b, c] = corners.map(([x, y]) => apply(view, x, y));
        const area = Math.abs(
          (b![0] - a![0]) * (c![1] - a![1]) - (b![1] - a![1]) * (c![0] - a![0]),
        );
        pictureArea = Math.min(pageArea, pictureArea + area);
        break;
      }
    }
  }
  return { segments, pictureArea: pageArea > 0 ? pictureArea / pageArea : 0 };
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** The text runs of a page, each with its box and its direction on the displayed page. */
function readText(items: TextItemLike[], view: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!item.str || item.str.trim() === '') continue;
    const t = item.transform as Matrix;
    const m = multiply(t, view);
    const size = Math.hypot(m[2], m[3]) || item.height || 1;
    const angle = Math.round((Math.atan2(m[1], m[0]) * 180) / Math.PI);
    runs.push({
      text: item.str,
      x: m[4],
      y: m[5],
      width: item.width,
      size,
      angle: ((angle % 360) + 360) % 360,
      font: item.fontName,
    });
  }
  return runs;
}

/** Reads every page of a PDF. */
export async function extractPages(lib: PdfLib, bytes: Uint8Array): Promise<PageContent[]> {
  let task: ReturnType<PdfLib['getDocument']> | null = null;
  try {
    task = lib.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException')
        throw new PdfOpenError('encrypted', 'the PDF is protected by a password');
      throw new PdfOpenError(
        'damaged',
        `the PDF cannot be opened (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const view = viewport.transform as Matrix;
        const [text, ops] = await Promise.all([
          page.getTextContent({ disableNormalization: false }),
          page.getOperatorList(),
        ]);
        const items = text.items.filter((i) => 'str' in i) as TextItemLike[];
        const drawing = readDrawing(lib, ops, view, viewport.width * viewport.height);
        pages.push({
          number: n,
          width: viewport.width,
          height: viewport.height,
          runs: readText(items, view),
          segments: drawing.segments,
          pictureArea: drawing.pictureArea,
        });
        page.cleanup();
      } catch {
        // A damaged page (a broken stream): the others may still be read.
        pages.push({
          number: n,
          width: 0,
          height: 0,
          runs: [],
          segments: [],
          pictureArea: 0,
          damaged: true,
        });
      }
    }
    return pages;
  } finally {
    await task?.destroy();
  }
}
