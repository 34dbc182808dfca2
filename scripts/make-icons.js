#!/usr/bin/env node
/**
 * Draws the PhuLuc emblem and the ribbon button icons, and writes them to assets/:
 *
 *   icon-<size>.png          the add-in (16, 32, 64, 80, 128)
 *   icon-refresh-<size>.png  "Làm mới" (refresh the roll-ups): two arrows turning round (16, 32, 80)
 *   icon-check-<size>.png    "Kiểm tra" (check the master list): a sheet under a magnifier (16, 32, 80)
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
/** Ribbon buttons need 16, 32 and 80 px. */
const BUTTON_SIZES = [16, 32, 80];
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

/** The green tile every icon sits on. */
function tileLayer(small) {
  return {
    shape: roundRect(0.02, 0.02, 0.98, 0.98, small ? 0.16 : 0.2),
    color: (_x, y) => GREEN_TOP.map((c, i) => Math.round(c + (GREEN_BOTTOM[i] - c) * y)),
  };
}

/** Part of a ring: radius r, stroke width w, from angle a0 to a1 (radians, clockwise from +x). */
function arc(cx, cy, r, w, a0, a1) {
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - r) > w / 2) return false;
    let a = Math.atan2(y - cy, x - cx);
    if (a < 0) a += 2 * Math.PI;
    return a0 <= a1 ? a >= a0 && a <= a1 : a >= a0 || a <= a1;
  };
}

function triangle(p, q, r) {
  const side = (a, b, x, y) => (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  return (x, y) => {
    const d1 = side(p, q, x, y);
    const d2 = side(q, r, x, y);
    const d3 = side(r, p, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

/** "Làm mới": two white arrows chasing each other round the tile's centre. */
function refreshIcon(small) {
  const layers = [tileLayer(small)];
  const c = 0.5;
  const r = small ? 0.27 : 0.28;
  const w = small ? 2.2 / 16 : 0.11;
  const head = small ? 0.17 : 0.16;
  for (const start of [0, Math.PI]) {
    const a0 = start + 0.35;
    const a1 = start + Math.PI - 0.45;
    layers.push({ shape: arc(c, c, r, w, a0, a1), color: WHITE });
    // Arrowhead at the end of the arc, pointing along it (clockwise).
    const ex = c + r * Math.cos(a1);
    const ey = c + r * Math.sin(a1);
    const tx = -Math.sin(a1);
    const ty = Math.cos(a1);
    const nx = Math.cos(a1);
    const ny = Math.sin(a1);
    layers.push({
      shape: triangle(
        [ex + nx * head * 0.75, ey + ny * head * 0.75],
        [ex - nx * head * 0.75, ey - ny * head * 0.75],
        [ex + tx * head, ey + ty * head],
      ),
      color: start === 0 ? WHITE : BADGE,
    });
  }
  return layers;
}

/** "Kiểm tra": the sheet of the emblem under an amber magnifier. */
function checkIcon(small) {
  const layers = [tileLayer(small)];
  const sx0 = small ? 2 / 16 : 0.16;
  const sy0 = small ? 2 / 16 : 0.14;
  const sx1 = small ? 10 / 16 : 0.66;
  const sy1 = small ? 14 / 16 : 0.86;
  layers.push({ shape: roundRect(sx0, sy0, sx1, sy1, small ? 0.03 : 0.04), color: WHITE });
  const rows = small ? [4 / 16, 7 / 16, 10 / 16] : [0.27, 0.41, 0.55, 0.69];
  const line = small ? 1.5 / 16 : 0.05;
  for (const ry of rows) {
    layers.push({ shape: roundRect(sx0 + 0.06, ry, sx1 - 0.06, ry + line, 0), color: ROW_LINE });
  }
  const gx = small ? 10 / 16 : 0.62;
  const gy = small ? 9 / 16 : 0.58;
  const gr = small ? 3.2 / 16 : 0.18;
  const gw = small ? 1.8 / 16 : 0.07;
  layers.push({ shape: circle(gx, gy, gr + gw / 2 + (small ? 0.03 : 0.025)), color: WHITE });
  layers.push({ shape: circle(gx, gy, gr - gw / 2), color: HEADER });
  layers.push({ shape: arc(gx, gy, gr, gw, 0, 2 * Math.PI), color: BADGE });
  const k = gr + gw / 2;
  layers.push({
    shape: polyline(
      [
        [gx + k * 0.7, gy + k * 0.7],
        [small ? 15 / 16 : 0.93, small ? 15 / 16 : 0.92],
      ],
      small ? 2.4 / 16 : 0.1,
    ),
    color: BADGE,
  });
  return layers;
}

// ---------- rasteriser ----------

function render(size, draw = emblem) {
  const layers = draw(size <= 20);
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

const ICONS = [
  { prefix: 'icon', draw: emblem, sizes: SIZES },
  { prefix: 'icon-refresh', draw: refreshIcon, sizes: BUTTON_SIZES },
  { prefix: 'icon-check', draw: checkIcon, sizes: BUTTON_SIZES },
];

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const { prefix, draw, sizes } of ICONS) {
    for (const size of sizes) {
      const file = path.join(OUT_DIR, `${prefix}-${size}.png`);
      fs.writeFileSync(file, render(size, draw));
      console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
    }
  }
}

if (require.main === module) main();

module.exports = { render, SIZES, BUTTON_SIZES, ICONS, emblem, refreshIcon, checkIcon };
