// A 2-D DOMMatrix for PDF.js in Node. PDF.js's legacy build creates one when it loads and uses
// it only to draw on a canvas, which PhuLuc never does (it reads text and ruling lines); with
// this small stand-in it needs no native canvas package (the optional @napi-rs/canvas, a
// prebuilt binary, is not installed: see .npmrc). Browsers have their own DOMMatrix.

type Init = number[] | Float32Array | Float64Array | undefined;

/** The affine subset of DOMMatrix: [a b c d e f], as PDF.js's canvas code would use it. */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init | AffineMatrix) {
    if (init instanceof AffineMatrix) this.set(init.a, init.b, init.c, init.d, init.e, init.f);
    else if (init && init.length >= 6)
      this.set(init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!);
  }

  get is2D(): boolean {
    return true;
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && !this.e && !this.f;
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }

  /** this = this × other */
  multiplySelf(o: Init | AffineMatrix): this {
    const m = new AffineMatrix(o);
    return this.set(
      this.a * m.a + this.c * m.b,
      this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d,
      this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e,
      this.b * m.e + this.d * m.f + this.f,
    );
  }

  /** this = other × this */
  preMultiplySelf(o: Init | AffineMatrix): this {
    const m = new AffineMatrix(o);
    const t = new AffineMatrix(this);
    return this.set(m.a, m.b, m.c, m.d, m.e, m.f).multiplySelf(t);
  }

  multiply(o: Init | AffineMatrix): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(o);
  }

  translate(x = 0, y = 0): AffineMatrix {
    return this.multiply([1, 0, 0, 1, x, y]);
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }

  scale(x = 1, y = x): AffineMatrix {
    return this.multiply([x, 0, 0, y, 0, 0]);
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf([x, 0, 0, y, 0, 0]);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    const { a, b, c, d, e, f } = this;
    return this.set(
      d / det,
      -b / det,
      -c / det,
      a / det,
      (c * f - d * e) / det,
      (b * e - a * f) / det,
    );
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }

  transformPoint(p: { x?: number; y?: number } = {}): {
    x: number;
    y: number;
    z: number;
    w: number;
  } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  toFloat64Array(): Float64Array {
    return Float64Array.from([
      this.a,
      this.b,
      0,
      0,
      this.c,
      this.d,
      0,
      0,
      0,
      0,
      1,
      0,
      this.e,
      this.f,
      0,
      1,
    ]);
  }
}

/** Gives Node a DOMMatrix when it has none. */
export function installDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (!g.DOMMatrix) g.DOMMatrix = AffineMatrix;
}
