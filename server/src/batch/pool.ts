/**
 * A batch of files over worker threads: each worker checks one file at a time (`checkCandidate`); outcomes are handed
 * on in the files' order, whichever finishes first, so the output is the same for any number of jobs. Only a few
 * files per worker are in flight and an outcome is let go once handed on: memory stays flat however many files.
 */

import { Worker } from 'node:worker_threads';
import { DismissalStore } from '../dismissals';
import type { Candidate } from '../files';
import { checkCandidate, type CheckSettings, type CliChecker, type Outcome } from './checkfile';

/** What a worker is started with (its `workerData`). */
export interface BatchWorkerData {
  readonly role: 'nianbao-batch';
  readonly settings: CheckSettings;
}

/** A file for a worker, and its answer. */
interface Job {
  readonly index: number;
  readonly candidate: Candidate;
}

/** Files in flight per worker: enough to keep it busy while the parent hands outcomes on. */
const IN_FLIGHT = 4;
/** Files started past the first not yet handed on, at most: a slow file holds back few outcomes. */
const WINDOW_PER_JOB = 16;

export interface BatchOptions {
  readonly jobs: number;
  /** The script a worker runs (the bundled CLI); without one the batch runs in this thread. */
  readonly workerScript?: string;
  readonly checker: CliChecker;
  /** Called once per file, in the files' order. */
  readonly onOutcome: (index: number, outcome: Outcome) => void;
  /** Called after each file with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runBatch(
  candidates: readonly Candidate[],
  settings: CheckSettings,
  o: BatchOptions,
): Promise<void> {
  const total = candidates.length;
  if (o.jobs <= 1 || !o.workerScript || total <= 1) {
    const dismissals = new DismissalStore();
    for (let i = 0; i < total; i++) {
      o.onOutcome(i, await checkCandidate(candidates[i]!, settings, dismissals, o.checker));
      o.onProgress?.(i + 1, total);
    }
    return;
  }
  const jobs = Math.min(o.jobs, total);
  const waiting = new Map<number, Outcome>();
  let next = 0;
  let emitted = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const workers: { w: Worker; busy: { n: number } }[] = [];
    const data: BatchWorkerData = { role: 'nianbao-batch', settings };
    const window = jobs * WINDOW_PER_JOB;
    const finish = (err?: Error): void => {
      for (const { w } of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const feed = (w: Worker, busy: { n: number }): void => {
      while (busy.n < IN_FLIGHT && next < total && next < emitted + window) {
        const job: Job = { index: next, candidate: candidates[next]! };
        next++;
        busy.n++;
        w.postMessage(job);
      }
    };
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(o.workerScript!, { workerData: data });
      const busy = { n: 0 };
      workers.push({ w, busy });
      w.on('message', (m: { index: number; outcome: Outcome }) => {
        busy.n--;
        done++;
        waiting.set(m.index, m.outcome);
        // Hand on every outcome whose turn has come.
        for (let hit = waiting.get(emitted); hit; hit = waiting.get(emitted)) {
          waiting.delete(emitted);
          o.onOutcome(emitted, hit);
          emitted++;
        }
        o.onProgress?.(done, total);
        if (emitted === total) finish();
        else for (const x of workers) feed(x.w, x.busy);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (emitted < total) finish(new Error(`检查线程意外退出（${code}）`));
      });
      feed(w, busy);
    }
  });
}

/** The worker's side: checks the files it is given, one after another, and answers each. */
export function serveBatch(
  port: { on(e: 'message', f: (job: Job) => void): void; postMessage(m: unknown): void },
  data: BatchWorkerData,
  checker: CliChecker,
): void {
  const dismissals = new DismissalStore();
  let queue = Promise.resolve();
  port.on('message', (job) => {
    queue = queue.then(async () => {
      const outcome = await checkCandidate(job.candidate, data.settings, dismissals, checker);
      port.postMessage({ index: job.index, outcome });
    });
  });
}
