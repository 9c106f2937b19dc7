/**
 * Worker thread of the language server (dist/worker.js): parses and checks off the main thread, so a 5 MB document
 * or a workspace of reports does not hold up other requests. Two jobs: a text to analyse (the analysis crosses back
 * as a structured clone), and a file of the workspace to read and check (its outcome, as the CLI has it).
 */

import { parentPort } from 'node:worker_threads';
import { checkCandidate, type CheckSettings } from './batch/checkfile';
import { DismissalStore } from './dismissals';
import { analyze } from './service';

export interface AnalyzeJob {
  readonly id: number;
  readonly text: string;
  readonly markdown: boolean;
}

export interface FileJob {
  readonly id: number;
  readonly file: string;
  readonly settings: CheckSettings;
}

const dismissals = new DismissalStore();

parentPort?.on('message', (job: AnalyzeJob | FileJob) => {
  if ('file' in job) {
    // A workspace file: found in a folder, so a file that is no report is skipped, not an error.
    void checkCandidate({ path: job.file, named: false }, job.settings, dismissals, { analyze }).then(
      (outcome) => parentPort!.postMessage({ id: job.id, outcome }),
      (err: unknown) => parentPort!.postMessage({ id: job.id, error: String(err) }),
    );
    return;
  }
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyze(job.text, job.markdown) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: String(err) });
  }
});
