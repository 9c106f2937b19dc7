/**
 * Analyses of large documents in a worker thread, so the server keeps answering while they are parsed. The service
 * calls this for documents past its threshold.
 */

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../service';

/** Documents at least this long (UTF-16 units) go to the worker. */
export const WORKER_THRESHOLD = 256 * 1024;

interface Pending {
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
}

export class WorkerOffload {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerPath = path.join(__dirname, 'worker.js')) {}

  /** Parses and checks a text in the worker. */
  analyze(text: string, markdown: boolean): Promise<Analysis> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, markdown });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
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
