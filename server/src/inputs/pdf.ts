/**
 * PDF files, as Word and WPS export them: read with pdf.js (Mozilla's, the legacy build for Node) — each page's text
 * items with their positions and the rules the page draws — and rebuilt into lines and table rows by geometry
 * (`pdf-layout.ts`). pdf.js is loaded on the first PDF only. A scanned PDF (images, no text), an encrypted or a
 * damaged one is refused in one sentence.
 */

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';
import type { InputAdapter, InputText, SourceMark } from './index';
import { layoutPages, type PdfBox, type PdfItem, type PdfPage, type PdfSegment } from './pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/** pdf.js, loaded once, on first use. */
function pdfjs(): Promise<PdfJs> {
  loading ??= import('./pdfjs-entry').then((m) => m.pdfjs);
  return loading;
}

/**
 * The character maps of Chinese fonts that use a predefined encoding (GBK, UniGB-UCS2): beside the bundle in
 * dist/cmaps, or in pdfjs-dist when run from source.
 */
function cMapDir(): string | undefined {
  for (const dir of [
    path.join(__dirname, 'cmaps'),
    path.join(__dirname, '..', '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps'),
  ])
    if (existsSync(path.join(dir, 'UniGB-UCS2-H.bcmap'))) return dir + path.sep;
  return undefined;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

/** Thickness below which a filled rectangle is a rule (Word draws cell borders so). */
const THIN = 3;

/**
 * What a page draws besides text: its rules — stroked straight segments, and thin filled rectangles as the line
 * through their middle — and the boxes of its pictures (the unit square an image is painted in, through the matrix).
 */
function drawingOf(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: PdfJs['OPS'],
): { segments: PdfSegment[]; pictures: PdfBox[] } {
  const out: PdfSegment[] = [];
  const pictures: PdfBox[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const at = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || paint === OPS.endPath) continue;
      const stroked = paint !== OPS.fill && paint !== OPS.eoFill;
      pathSegments(data, at, stroked, out);
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      let [left, bottom, right, top] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of [at(0, 0), at(1, 0), at(0, 1), at(1, 1)]) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        bottom = Math.min(bottom, y);
        top = Math.max(top, y);
      }
      pictures.push({ x: left, y: bottom, width: right - left, height: top - bottom });
    }
  }
  return { segments: out, pictures };
}

/** The segments of one path: every straight piece when stroked; a thin closed shape's middle line when filled. */
function pathSegments(
  data: ArrayLike<number>,
  at: (x: number, y: number) => [number, number],
  stroked: boolean,
  out: PdfSegment[],
): void {
  let subpath: [number, number][] = [];
  const shapes: [number, number][][] = [];
  let k = 0;
  while (k < data.length) {
    const op = data[k++];
    if (op === 0) {
      if (subpath.length > 0) shapes.push(subpath);
      subpath = [at(data[k]!, data[k + 1]!)];
      k += 2;
    } else if (op === 1) {
      subpath.push(at(data[k]!, data[k + 1]!));
      k += 2;
    } else if (op === 2) {
      subpath.push(at(data[k + 4]!, data[k + 5]!));
      k += 6;
    } else if (op === 3) {
      subpath.push(at(data[k + 2]!, data[k + 3]!));
      k += 4;
    } else if (op === 4) {
      if (subpath.length > 0) subpath.push(subpath[0]!);
    } else break;
  }
  if (subpath.length > 0) shapes.push(subpath);
  for (const shape of shapes) {
    if (stroked) {
      for (let j = 1; j < shape.length; j++) {
        const [x1, y1] = shape[j - 1]!;
        const [x2, y2] = shape[j]!;
        out.push({ x1, y1, x2, y2 });
      }
      continue;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of shape) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const midY = (minY + maxY) / 2;
    const midX = (minX + maxX) / 2;
    if (maxY - minY <= THIN && maxX - minX > THIN) out.push({ x1: minX, y1: midY, x2: maxX, y2: midY });
    else if (maxX - minX <= THIN && maxY - minY > THIN) out.push({ x1: midX, y1: minY, x2: midX, y2: maxY });
  }
}

/** Why pdf.js could not open a file, in words. */
function openFailure(e: unknown): InputError {
  const name = (e as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') return new InputError('是加密的 PDF（需要密码）');
  if (name === 'InvalidPDFException') return new InputError('不是有效的 PDF 文件');
  return new InputError(`是无法读取的 PDF（${e instanceof Error ? e.message : String(e)}）`);
}

/** A document's pages as geometry: text items (horizontal only: a rotated watermark is no text) and rules. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await pdfjs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  try {
    task = lib.getDocument({
      // pdf.js takes the buffer over (and wants no Buffer): a copy, so the caller keeps its bytes.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      cMapUrl: cMapDir(),
      cMapPacked: true,
    });
    doc = await task.promise;
  } catch (e) {
    await task?.destroy();
    throw openFailure(e);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.length === 0) continue;
        const [a, b, c, d, e, f] = it.transform as Matrix;
        const size = Math.hypot(c, d) || Math.hypot(a, b);
        if (size === 0 || Math.abs(b) > 0.01 * size || Math.abs(c) > 0.01 * size) continue;
        items.push({ str: it.str, x: e - x0, y: f - y0, width: it.width, size });
      }
      const drawn = drawingOf(await page.getOperatorList(), lib.OPS);
      const segments = drawn.segments.map((s) => ({ x1: s.x1 - x0, y1: s.y1 - y0, x2: s.x2 - x0, y2: s.y2 - y0 }));
      const pictures = drawn.pictures.map((b) => ({ ...b, x: b.x - x0, y: b.y - y0 }));
      pages.push({ width: x1 - x0, height: y1 - y0, items, segments, pictures });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Reads a PDF into the checked text; each page's start is in the source map. */
export async function readPdf(bytes: Uint8Array): Promise<InputText> {
  if (bytes.length < 5 || new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0)
    throw new InputError('不是有效的 PDF 文件');
  const pages = await pdfPages(bytes);
  if (pages.every((p) => p.items.every((it) => it.str.trim().length === 0)))
    throw new InputError('是扫描件或图片，没有可读取的文字（请用可复制文字的 PDF 或原始 Word 文件）');
  const { text, pageStarts } = layoutPages(pages);
  const sourceMap: SourceMark[] = pageStarts.map((offset, i) => ({ offset, page: i + 1 }));
  return { text, markdown: false, sourceMap, format: 'pdf' };
}

export const PDF_ADAPTER: InputAdapter = {
  extensions: ['.pdf'],
  read: (bytes) => readPdf(bytes),
};
