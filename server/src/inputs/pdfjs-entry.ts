/**
 * pdf.js (the legacy build, for Node 20 without a canvas), with its worker code run on this thread: bundled on its own
 * into dist/pdfjs.mjs and loaded only when a PDF is read, so starting the server or checking a .txt does not pay for it.
 */

// Order matters: ES modules are evaluated in the order they are imported.
import './pdfjs-before';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import './pdfjs-after';

// pdf.js takes a worker already loaded on this thread from here instead of starting one.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export { pdfjs };
