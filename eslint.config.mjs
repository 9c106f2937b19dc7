// ESLint (flat config): typescript-eslint's recommended rules, and the fences of the architecture.
// - server/src/core is pure: text in, plain data out. No editor, protocol or Node APIs (it runs in the CLI, the
//   server, a worker, and could run in a browser).
// - Nowhere in the product a spread of an array into a call's arguments: a document may hold more rows, lines or
//   headings than a call takes arguments (`Math.max(...lines)` threw on 123 000 headings).
// - client/src knows the server only through the names they share (server/src/protocol.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'crypto'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/e2e/out/**',
      'test/e2e/.code-server/**',
      '.vscode-test/**',
      '*.vsix',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'core/ is pure: no Node APIs.' })),
          patterns: [
            { group: ['node:*'], message: 'core/ is pure: no Node APIs.' },
            {
              group: ['vscode', 'vscode-*'],
              message: 'core/ knows no editor and no protocol: that is lsp/ and service.ts.',
            },
            {
              group: ['**/service', '**/lsp/**', '**/cli', '**/inputs/**'],
              message: 'core/ depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message: 'No spread into arguments: an array from a document may be longer than a call can take.',
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./server/src/(?!protocol$)',
              message: 'The client knows the server only through server/src/protocol.ts.',
            },
          ],
        },
      ],
    },
  },
);
