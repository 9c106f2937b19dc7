/**
 * Analyses of large documents, and checks of the workspace's report files, in a worker thread, so the server keeps
 * answering while they are parsed. The service calls this for documents past its threshold.
 */

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckSettings, Outcome } from '../batch/checkfile';
import type { Analysis } from '../service';

/** Documents at least this long (UTF-16 units) go to the worker. */
export const WORKER_THRESHOLD = 256 * 1024;

interface Pending {
  resolve: (a: never) => void;
  reject: (e: Error) => void;
}

export class WorkerOffload {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerPath = path.join(__dirname, 'worker.js')) {}

  /** Parses and checks a text in the worker. */
  analyze(text: string, markdown: boolean): Promise<Analysis> {
    return this.post<Analysis>({ text, markdown });
  }

  /** Reads and checks a file of the workspace in the worker: its outcome as the CLI's batch has it. */
  checkFile(file: string, settings: CheckSettings): Promise<Outcome> {
    return this.post<Outcome>({ file, settings });
  }

  private post<T>(job: object): Promise<T> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: never) => void, reject });
      worker.postMessage({ id, ...job });
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
    worker.on('message', (m: { id: number; analysis?: Analysis; outcome?: Outcome; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      const answer = m.analysis ?? m.outcome;
      if (answer) p.resolve(answer as never);
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
