/**
 * Analyses by document URI and version, shared by every request on that version. Small documents are analysed on
 * the spot; large ones in a worker thread, so the server keeps answering while they are parsed.
 */

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, isMarkdown, type Analysis } from '../service';

/** Documents at least this long (UTF-16 units) go to the worker. */
export const WORKER_THRESHOLD = 256 * 1024;

interface Pending {
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
}

export class Analyzer {
  private readonly entries = new Map<string, { version: number; analysis: Promise<Analysis> }>();
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerPath = path.join(__dirname, 'worker.js')) {}

  get(doc: TextDocument): Promise<Analysis> {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const text = doc.getText();
    const markdown = isMarkdown(doc.languageId, doc.uri);
    const analysis =
      text.length < WORKER_THRESHOLD ? Promise.resolve(analyze(text, markdown)) : this.inWorker(text, markdown);
    this.entries.set(doc.uri, { version: doc.version, analysis });
    // A failed analysis is not kept: the next request tries again.
    analysis.catch(() => {
      if (this.entries.get(doc.uri)?.analysis === analysis) this.entries.delete(doc.uri);
    });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private inWorker(text: string, markdown: boolean): Promise<Analysis> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, markdown });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (m: { id: number; analysis?: Analysis; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.analysis) p.resolve(m.analysis);
      else p.reject(new Error(m.error ?? 'analysis failed'));
    });
    const fail = (err: unknown): void => {
      for (const p of this.pending.values()) p.reject(err instanceof Error ? err : new Error(String(err)));
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}
