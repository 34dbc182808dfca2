// xl/styles.xml (and the theme's colours): for each cell format (an `s` index of a cell), its
// number format, whether it shows a date, its solid fill colour and whether it has a border.

import { isDateFormat, numFmtCode } from '../../excel/numfmt';
import type { XmlHandlers } from '../xml';

export interface CellStyle {
  /** Absent for General. */
  numFmt?: string;
  date: boolean;
  fill?: string;
  bordered: boolean;
}

export const PLAIN_STYLE: CellStyle = { date: false, bordered: false };

/** A colour as stored: ARGB, an index into the palette, or a theme colour with a tint. */
interface ColorRef {
  rgb?: string;
  indexed?: number;
  theme?: number;
  tint?: number;
}

/** Excel's default palette for `indexed` colours 0–63 (64, 65: system colours, not resolved). */
const PALETTE = (
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '800000 008000 000080 808000 800080 008080 C0C0C0 808080 ' +
  '9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
  '000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF ' +
  '00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
  '3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 ' +
  '003366 339966 003300 333300 993300 993366 333399 333333'
).split(' ');

/** The Office theme's colours, used when a workbook has no theme part. */
const OFFICE_THEME = [
  'FFFFFF', // lt1
  '000000', // dk1
  'E7E6E6', // lt2
  '44546A', // dk2
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
  '0563C1',
  '954F72',
];

/**
 * Theme colours in the order cells index them: a theme's colour scheme lists dk1, lt1, dk2,
 * lt2, accent1–6, hlink, folHlink, but index 0 is lt1 and 1 is dk1 (2: lt2, 3: dk2).
 */
export function themeColorsCollector(): { handlers: XmlHandlers; colors(): string[] } {
  const byName = new Map<string, string>();
  let inScheme = false;
  let current: string | null = null;
  const names = [
    'lt1',
    'dk1',
    'lt2',
    'dk2',
    'accent1',
    'accent2',
    'accent3',
    'accent4',
    'accent5',
    'accent6',
    'hlink',
    'folHlink',
  ];
  return {
    handlers: {
      open(name, attrs) {
        if (name === 'clrScheme') inScheme = true;
        else if (inScheme && names.includes(name)) current = name;
        else if (inScheme && current && !byName.has(current)) {
          const value = name === 'srgbClr' ? attrs.val : name === 'sysClr' ? attrs.lastClr : null;
          if (value && /^[0-9a-f]{6}$/i.test(value)) byName.set(current, value.toUpperCase());
        }
      },
      close(name) {
        if (name === 'clrScheme') inScheme = false;
        else if (name === current) current = null;
      },
    },
    colors: () => names.map((n, i) => byName.get(n) ?? OFFICE_THEME[i]!),
  };
}

function hex(n: number): string {
  return Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0')
    .toUpperCase();
}

/** Excel's tint: lightens (tint > 0) or darkens (tint < 0) a colour's luminance. */
export function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  const d = max - min;
  if (d > 0) {
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  if (s === 0) return hex(l * 255).repeat(3);
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  return (
    hex(hue(p, q, h + 1 / 3) * 255) + hex(hue(p, q, h) * 255) + hex(hue(p, q, h - 1 / 3) * 255)
  );
}

function colorRef(attrs: Record<string, string>): ColorRef | null {
  if (attrs.auto === '1' || attrs.auto === 'true') return null;
  const ref: ColorRef = {};
  if (attrs.rgb !== undefined) ref.rgb = attrs.rgb;
  if (attrs.indexed !== undefined) ref.indexed = Number(attrs.indexed);
  if (attrs.theme !== undefined) ref.theme = Number(attrs.theme);
  if (attrs.tint !== undefined) ref.tint = Number(attrs.tint);
  return ref;
}

interface RawXf {
  numFmtId: number;
  fillId: number;
  borderId: number;
}

/** Collects styles.xml as it is parsed; `styles(theme)` resolves the cell formats. */
export function stylesCollector(): {
  handlers: XmlHandlers;
  styles(theme: string[] | null): CellStyle[];
} {
  const numFmts = new Map<number, string>();
  const fills: (ColorRef | null)[] = [];
  const borders: boolean[] = [];
  const xfs: RawXf[] = [];
  const palette = [...PALETTE];
  let customPalette = 0;
  // Where we are: only <fills>, <borders>, <cellXfs> at the top count (dxfs hold fills too).
  const stack: string[] = [];
  let fillPattern: string | null = null;
  let fillColor: ColorRef | null = null;
  let bordered = false;
  const int = (v: string | undefined): number => (v === undefined ? 0 : Number(v) || 0);
  return {
    handlers: {
      open(name, attrs) {
        const parent = stack[stack.length - 1];
        const grand = stack[stack.length - 2];
        stack.push(name);
        if (name === 'numFmt' && parent === 'numFmts' && attrs.formatCode !== undefined)
          numFmts.set(int(attrs.numFmtId), attrs.formatCode);
        else if (name === 'fill' && parent === 'fills') {
          fillPattern = null;
          fillColor = null;
        } else if (name === 'patternFill' && grand === 'fills')
          fillPattern = attrs.patternType ?? 'none';
        else if (name === 'fgColor' && stack[stack.length - 4] === 'fills')
          fillColor = colorRef(attrs);
        else if (name === 'border' && parent === 'borders') bordered = false;
        else if (
          grand === 'borders' &&
          ['left', 'right', 'top', 'bottom', 'start', 'end'].includes(name) &&
          attrs.style &&
          attrs.style !== 'none'
        )
          bordered = true;
        else if (name === 'xf' && parent === 'cellXfs')
          xfs.push({
            numFmtId: int(attrs.numFmtId),
            fillId: int(attrs.fillId),
            borderId: int(attrs.borderId),
          });
        else if (name === 'rgbColor' && parent === 'indexedColors' && attrs.rgb)
          palette[customPalette++] = attrs.rgb.slice(-6).toUpperCase();
      },
      close(name) {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (name === 'fill' && parent === 'fills')
          fills.push(fillPattern === 'solid' ? fillColor : null);
        else if (name === 'border' && parent === 'borders') borders.push(bordered);
      },
    },
    styles(theme) {
      const colors = theme ?? OFFICE_THEME;
      const resolve = (c: ColorRef | null): string | undefined => {
        if (!c) return undefined;
        let rgb: string | undefined;
        if (c.rgb && /^[0-9a-f]{6,8}$/i.test(c.rgb)) rgb = c.rgb.slice(-6).toUpperCase();
        else if (c.theme !== undefined) rgb = colors[c.theme];
        else if (c.indexed !== undefined) rgb = palette[c.indexed];
        if (!rgb) return undefined;
        return c.tint ? applyTint(rgb, c.tint) : rgb;
      };
      const fillColors = fills.map(resolve);
      const cache = new Map<string, CellStyle>();
      return xfs.map((xf) => {
        const key = `${xf.numFmtId}:${xf.fillId}:${xf.borderId}`;
        let style = cache.get(key);
        if (!style) {
          const code = numFmtCode(xf.numFmtId, numFmts);
          const fill = fillColors[xf.fillId];
          style = {
            ...(code && xf.numFmtId !== 0 && code !== 'General' ? { numFmt: code } : {}),
            date: isDateFormat(code),
            ...(fill ? { fill } : {}),
            bordered: borders[xf.borderId] ?? false,
          };
          cache.set(key, style);
        }
        return style;
      });
    },
  };
}
