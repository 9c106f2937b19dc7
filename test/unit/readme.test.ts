/** The README's examples are what the CLI prints for them. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli';

const ROOT = path.join(__dirname, '..', '..');

describe('README', () => {
  it('shows what `check` prints for each example report (a text file and a PDF)', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/```sh\nnode dist\/cli\.js check (\S+)\n```\n\n```\n([\s\S]*?)```/gu)];
    assert.deepEqual(
      commands.map((c) => c[1]),
      ['test/fixtures/001_50aa6597b9c6048c.txt', 'test/fixtures/pdf/writer-report-001.pdf'],
    );
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      for (const command of commands) {
        const r = await runCli(['check', command[1]!]);
        assert.equal(r.stdout, command[2]);
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
