// Bundles the extension client, the language server and the CLI into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/**
 * pdf.js is a bundle of its own (dist/pdfjs.mjs, ES module), loaded by the server and the CLI with `import()` on the
 * first PDF: their own bundles refer to it instead of holding it.
 */
const pdfjsApart = {
  name: 'pdfjs-apart',
  setup(build) {
    build.onResolve({ filter: /\/pdfjs-entry$/ }, () => ({ path: './pdfjs.mjs', external: true }));
  },
};

/** The character maps of Chinese fonts with a predefined encoding (GBK, UniGB-UCS2…), beside the bundles. */
function copyCMaps() {
  const from = 'node_modules/pdfjs-dist/cmaps';
  mkdirSync('dist/cmaps', { recursive: true });
  for (const f of readdirSync(from)) if (/GB/.test(f)) copyFileSync(path.join(from, f), path.join('dist/cmaps', f));
}

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [pdfjsApart] },
  { entryPoints: ['server/src/worker.ts'], outfile: 'dist/worker.js', plugins: [pdfjsApart] },
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [pdfjsApart],
  },
  // The table preview's script, run in a webview.
  {
    entryPoints: ['client/src/webview/preview.ts'],
    outfile: 'dist/preview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // Mozilla's minified files, kept minified; no source map.
  {
    entryPoints: ['server/src/inputs/pdfjs-entry.ts'],
    outfile: 'dist/pdfjs.mjs',
    format: 'esm',
    sourcemap: false,
    minify: true,
    alias: {
      'pdfjs-dist/legacy/build/pdf.mjs': './node_modules/pdfjs-dist/legacy/build/pdf.min.mjs',
      'pdfjs-dist/legacy/build/pdf.worker.mjs': './node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs',
    },
  },
];

// The editor suite (test/e2e): loaded by VS Code's extension host, which provides `vscode`; mocha comes from the repo.
if (process.argv.includes('--e2e')) {
  for (const name of ['index', 'extension.test']) {
    builds.push({
      entryPoints: [`test/e2e/suite/${name}.ts`],
      outfile: `test/e2e/out/${name}.js`,
      external: ['vscode', 'mocha'],
    });
  }
}

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
copyCMaps();
