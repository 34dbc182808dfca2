#!/usr/bin/env node
/**
 * Draws the PhuLuc emblem and writes assets/icon-<size>.png.
 *
 *   node scripts/make-icons.js
 *
 * The emblem is original artwork defined below as simple vector shapes in a unit square:
 * a green rounded tile carrying a white sheet (folded corner, a header band and task rows with
 * tick boxes) and a round amber badge with a white check mark. Each pixel is rendered as
 * SS x SS sub-samples (supersampling, i.e. drawn at SS x the size and box-filtered down), so
 * edges are anti-aliased. Sizes of 16 and 20 px use a simplified drawing (fewer, thicker rows,
 * no fold) so the icon stays legible on the ribbon.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const SIZES = [16, 32, 64, 80, 128];
const SS = 4; // sub-samples per pixel along each axis
const OUT_DIR = path.join(__dirname, '..', 'assets');

// Palette (RGB).
const GREEN_TOP = [34, 139, 84];
const GREEN_BOTTOM = [17, 99, 58];
const WHITE = [255, 255, 255];
const FOLD = [196, 226, 208];
const HEADER = [214, 238, 224];
const ROW_LINE = [150, 196, 170];
const BOX = [26, 122, 72];
const BADGE = [244, 169, 28];
const BADGE_RING = [255, 255, 255];

// ---------- geometry helpers (unit square, y grows downwards) ----------

function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = x - cx;
    const dy = y - cy;
    return dx * dx + dy * dy <= r * r;
  };
}

function circle(cx, cy, r) {
  return (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

/** Distance from (px,py) to segment (ax,ay)-(bx,by). */
function segDist(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

/** A stroked polyline with round joins and caps. */
function polyline(points, width) {
  const half = width / 2;
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      if (segDist(x, y, ax, ay, bx, by) <= half) return true;
    }
    return false;
  };
}

/** Point below the line through a,b (on the side of point c). */
function halfPlane(ax, ay, bx, by, cx, cy) {
  const side = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  return (x, y) => Math.sign((bx - ax) * (y - ay) - (by - ay) * (x - ax)) !== -side;
}

const and =
  (...fns) =>
  (x, y) =>
    fns.every((f) => f(x, y));

// ---------- the emblem ----------

/**
 * Layers, painted bottom to top: { shape(x,y) -> bool, color: [r,g,b] | (x,y) -> [r,g,b] }.
 * @param {boolean} small simplified drawing for tiny sizes
 */
function emblem(small) {
  const layers = [];
  const tile = roundRect(0.02, 0.02, 0.98, 0.98, small ? 0.16 : 0.2);
  layers.push({
    shape: tile,
    color: (_x, y) => GREEN_TOP.map((c, i) => Math.round(c + (GREEN_BOTTOM[i] - c) * y)),
  });

  // The sheet, with its top-right corner folded.
  // (The small variant is laid out on the 16 px grid: values are pixels / 16.)
  const sx0 = small ? 3 / 16 : 0.2;
  const sx1 = small ? 11 / 16 : 0.7;
  const sy0 = small ? 2 / 16 : 0.13;
  const sy1 = small ? 14 / 16 : 0.87;
  const fold = small ? 0 : 0.15;
  const sheetBox = roundRect(sx0, sy0, sx1, sy1, small ? 0.04 : 0.045);
  if (fold > 0) {
    const cut = halfPlane(sx1 - fold, sy0, sx1, sy0 + fold, sx0, sy1);
    layers.push({ shape: and(sheetBox, cut), color: WHITE });
    // The flap: the cut-off corner folded down over the sheet.
    const fx = sx1 - fold;
    const fy = sy0 + fold;
    layers.push({
      shape: (x, y) => x >= fx && y <= fy && x - fx <= y - sy0 && sheetBox(x, y),
      color: FOLD,
    });
  } else {
    layers.push({ shape: sheetBox, color: WHITE });
  }

  // Header band and task rows: a tick box followed by a text line.
  const left = sx0 + (small ? 1 / 16 : 0.075);
  const right = sx1 - (small ? 1 / 16 : 0.07);
  if (!small) {
    layers.push({
      shape: roundRect(left, 0.2, sx1 - fold - 0.03, 0.28, 0.02),
      color: HEADER,
    });
  }
  const rows = small ? [4 / 16, 7 / 16] : [0.35, 0.47, 0.59];
  const box = small ? 2 / 16 : 0.075;
  const line = small ? 2 / 16 : 0.045;
  for (const ry of rows) {
    layers.push({ shape: roundRect(left, ry, left + box, ry + box, 0.015), color: BOX });
    layers.push({
      shape: roundRect(
        left + box + (small ? 1 / 16 : 0.045),
        ry + (box - line) / 2,
        right,
        ry + (box + line) / 2,
        small ? 0 : line / 2,
      ),
      color: ROW_LINE,
    });
  }

  // Badge with a check mark, overlapping the bottom-right of the sheet.
  const bx = small ? 11.5 / 16 : 0.725;
  const by = small ? 11.5 / 16 : 0.725;
  const br = small ? 4 / 16 : 0.215;
  const ring = small ? 0.75 / 16 : 0.04;
  layers.push({ shape: circle(bx, by, br + ring), color: BADGE_RING });
  layers.push({ shape: circle(bx, by, br), color: BADGE });
  const k = br;
  const tick = small
    ? // Pixel-centred points keep the tick crisp at 16 px.
      [
        [9.5 / 16, 11.5 / 16],
        [11 / 16, 13 / 16],
        [13.5 / 16, 10.5 / 16],
      ]
    : [
        [bx - 0.5 * k, by + 0.02 * k],
        [bx - 0.12 * k, by + 0.4 * k],
        [bx + 0.52 * k, by - 0.36 * k],
      ];
  layers.push({ shape: polyline(tick, small ? 1.6 / 16 : 0.26 * k), color: WHITE });
  return layers;
}

// ---------- rasteriser ----------

function render(size) {
  const layers = emblem(size <= 20);
  const png = new PNG({ width: size, height: size });
  const n = SS * SS;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Accumulate premultiplied colour over the sub-samples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let col = null;
          for (const layer of layers) {
            if (layer.shape(x, y)) {
              col = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
            }
          }
          if (col) {
            r += col[0];
            g += col[1];
            b += col[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / n);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { render, SIZES };
