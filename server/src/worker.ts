/**
 * Worker thread for large documents (dist/worker.js): parses and checks off the server's main thread, so a 5 MB
 * document does not hold up other requests. The analysis is plain data and crosses as a structured clone.
 */

import { parentPort } from 'node:worker_threads';
import { analyze } from './service';

export interface AnalyzeJob {
  readonly id: number;
  readonly text: string;
  readonly markdown: boolean;
}

parentPort?.on('message', (job: AnalyzeJob) => {
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyze(job.text, job.markdown) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: String(err) });
  }
});
