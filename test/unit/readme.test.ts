/** The README's example is what the CLI prints for it. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli';

const ROOT = path.join(__dirname, '..', '..');

describe('README', () => {
  it('shows what `check` prints for the example report', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const command = /```sh\nnode dist\/cli\.js check (\S+)\n```\n\n```\n([\s\S]*?)```/u.exec(readme);
    assert.ok(command, 'the README has no example command with its output');
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const r = await runCli(['check', command[1]!]);
      assert.equal(r.stdout, command[2]);
    } finally {
      process.chdir(cwd);
    }
  });
});
