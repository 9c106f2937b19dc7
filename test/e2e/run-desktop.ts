/**
 * `npm run test:e2e:desktop`: the same editor suite in VS Code desktop through @vscode/test-electron. It downloads
 * VS Code 1.100.3, or runs the one at VSCODE_EXECUTABLE_PATH. (This machine has no desktop VS Code and cannot
 * download one; `npm run test:e2e` runs the suite in code-server instead.)
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { makeWorkspace } from './workspace';

const REPO = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const ws = path.join(mkdtempSync(path.join(tmpdir(), 'nianbao-e2e-desktop-')), 'workspace');
  await makeWorkspace(ws);
  const executable = process.env['VSCODE_EXECUTABLE_PATH'];
  await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : { version: '1.100.3' }),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'test', 'e2e', 'out', 'index.js'),
    launchArgs: [ws, '--disable-workspace-trust', '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((err: unknown) => {
  console.error(`e2e desktop: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
