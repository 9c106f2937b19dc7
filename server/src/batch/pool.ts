/**
 * A batch of files over `jobs` threads — this one and `jobs − 1` workers: each checks one file at a time
 * (`checkCandidate`); outcomes are handed on in the files' order, whichever finishes first, so the output is the same
 * for any number of jobs. Only a few
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
  const dismissals = new DismissalStore();
  if (o.jobs <= 1 || !o.workerScript || total <= 1) {
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
    const slots: Slot[] = [];
    const data: BatchWorkerData = { role: 'nianbao-batch', settings };
    const window = jobs * WINDOW_PER_JOB;
    let over = false;
    const finish = (err?: Error): void => {
      if (over) return;
      over = true;
      for (const slot of slots) slot.stop();
      if (err) reject(err);
      else resolve();
    };
    const feed = (slot: Slot): void => {
      while (!over && slot.busy < IN_FLIGHT && next < total && next < emitted + window) {
        slot.busy++;
        slot.send({ index: next, candidate: candidates[next]! });
        next++;
      }
    };
    const answered = (slot: Slot, index: number, outcome: Outcome): void => {
      if (over) return;
      slot.busy--;
      done++;
      waiting.set(index, outcome);
      // Hand on every outcome whose turn has come.
      for (let hit = waiting.get(emitted); hit; hit = waiting.get(emitted)) {
        waiting.delete(emitted);
        o.onOutcome(emitted, hit);
        emitted++;
      }
      o.onProgress?.(done, total);
      if (emitted === total) finish();
      else for (const x of slots) feed(x);
    };
    // This thread is one of the jobs: one isolate fewer to start, warm up and hold in memory. It checks a file at a
    // time between turns of the event loop, so the workers' answers are taken in between.
    const local: Slot = {
      busy: 0,
      queue: [],
      send(job) {
        this.queue!.push(job);
        if (this.queue!.length === 1) setImmediate(() => void drain());
      },
      stop() {},
    };
    const drain = async (): Promise<void> => {
      const job = local.queue![0];
      if (!job || over) return;
      try {
        answered(local, job.index, await checkCandidate(job.candidate, settings, dismissals, o.checker));
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      local.queue!.shift();
      if (local.queue!.length > 0) setImmediate(() => void drain());
    };
    slots.push(local);
    for (let k = 1; k < jobs; k++) {
      const w = new Worker(o.workerScript!, { workerData: data });
      const slot: Slot = { busy: 0, send: (job) => w.postMessage(job), stop: () => void w.terminate() };
      slots.push(slot);
      w.on('message', (json: string) => {
        const m = JSON.parse(json) as { index: number; outcome: Outcome };
        answered(slot, m.index, m.outcome);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (emitted < total) finish(new Error(`检查线程意外退出（${code}）`));
      });
    }
    for (const slot of slots) feed(slot);
  });
}

/** Where a file is checked: a worker thread, or this thread (which keeps its jobs in a queue). */
interface Slot {
  busy: number;
  readonly queue?: Job[];
  send(job: Job): void;
  stop(): void;
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
      // As JSON text: a worker's outcome is plain data, and one string crosses threads for less than the structured
      // clone of its findings would cost the worker (the parent, waiting most of the time, parses it).
      port.postMessage(JSON.stringify({ index: job.index, outcome }));
    });
  });
}
