/**
 * Entry point VS Code's extension host calls with `extensionTestsPath`: runs the mocha suite with the real `vscode`
 * API and writes its results to the file named by NIANBAO_E2E_RESULT, for the runner outside the editor.
 */

import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  ms?: number;
}

export function run(): Promise<void> {
  // NIANBAO_E2E_GREP runs only the tests whose title matches (while working on one).
  const grep = process.env['NIANBAO_E2E_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const out = process.env['NIANBAO_E2E_RESULT'];
        const report = outcomes
          .map((o) => (o.state === 'passed' ? `  ✔ ${o.title} (${o.ms ?? 0}ms)` : `  ✘ ${o.title}\n      ${o.error}`))
          .join('\n');
        const passed = outcomes.filter((o) => o.state === 'passed').length;
        const summary = `${passed} passed, ${failures} failed`;
        if (out) writeFileSync(out, JSON.stringify({ passed, failed: failures, report, summary }));
        if (failures > 0) reject(new Error(summary));
        else resolve();
      });
      runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', ms: t.duration ?? 0 }));
      runner.on('fail', (t, err: Error) =>
        outcomes.push({
          title: t.fullTitle(),
          state: 'failed',
          error: `${err.message}\n${err.stack ?? ''}`.slice(0, 4000),
        }),
      );
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
