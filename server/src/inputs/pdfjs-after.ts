/** Evaluated after pdf.js: `console.warn` as it was before `pdfjs-before.ts`. */

import { originalWarn } from './pdfjs-before';

console.warn = originalWarn;
