/** The architecture's fences are lint rules: they fail on code that crosses them. */

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..');

async function ruleIds(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  // The probes import names they do not use; only the fences are asked about.
  return (result?.messages ?? []).map((m) => m.ruleId ?? '').filter((id) => id !== '@typescript-eslint/no-unused-vars');
}

describe('lint fences', () => {
  it('core/ imports no Node API, no editor or protocol package, nothing above it', async () => {
    for (const line of [
      "import { readFileSync } from 'node:fs';",
      "import * as path from 'path';",
      "import type { Diagnostic } from 'vscode-languageserver-types';",
      "import * as vscode from 'vscode';",
      "import { analyze } from '../service';",
    ]) {
      assert.deepEqual(
        await ruleIds(`${line}\nexport const x = 1;\n`, 'server/src/core/probe.ts'),
        ['no-restricted-imports'],
        line,
      );
    }
    assert.deepEqual(
      await ruleIds(
        "import { labelKey } from './normalize';\nexport const x = labelKey;\n",
        'server/src/core/probe.ts',
      ),
      [],
    );
  });

  it('nothing in the product spreads an array into a call', async () => {
    for (const file of ['server/src/core/probe.ts', 'server/src/probe.ts', 'client/src/probe.ts']) {
      assert.deepEqual(
        await ruleIds('export const m = (xs: number[]): number => Math.max(...xs);\n', file),
        ['no-restricted-syntax'],
        file,
      );
    }
  });

  it('the client imports only the shared protocol names from the server', async () => {
    const code = (from: string): string => `import * as x from '${from}';\nexport const y = x;\n`;
    assert.deepEqual(await ruleIds(code('../../server/src/service'), 'client/src/probe.ts'), ['no-restricted-imports']);
    assert.deepEqual(await ruleIds(code('../../server/src/protocol'), 'client/src/probe.ts'), []);
  });
});
