/**
 * Evaluated before pdf.js (the entry imports it first): pdf.js's Node build wants the browser's `DOMMatrix`,
 * `ImageData` and `Path2D` for rendering, and fills them from the native package @napi-rs/canvas, which the extension
 * does not ship. Reading text and drawing operators needs none of it: a plain affine `DOMMatrix` and empty stand-ins
 * are given, and pdf.js's warning that it could not load the package is kept off the console (the CLI's stderr
 * says only what a user must know) until `pdfjs-after.ts` puts `console.warn` back.
 */

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
  }

  multiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }

  preMultiplySelf(m: AffineMatrix): this {
    const copy = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }

  translate(x = 0, y = 0): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(
      new AffineMatrix([1, 0, 0, 1, x, y]),
    );
  }

  scale(x = 1, y = x): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(
      new AffineMatrix([x, 0, 0, y, 0, 0]),
    );
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    const { a, b, c, d, e, f } = this;
    [this.a, this.b, this.c, this.d] = [d / det, -b / det, -c / det, a / det];
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }
}

const g = globalThis as Record<string, unknown>;
g['DOMMatrix'] ??= AffineMatrix;
g['ImageData'] ??= class ImageData {};
g['Path2D'] ??= class Path2D {};

const warn = console.warn;
/** `console.warn` as it was, for `pdfjs-after.ts` to put back. */
export const originalWarn = warn;
console.warn = function quietCanvas(...args: unknown[]): void {
  if (typeof args[0] === 'string' && args[0].includes('@napi-rs/canvas')) return;
  warn.apply(console, args);
};
