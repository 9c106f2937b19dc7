// Bundles the extension client, the language server and the CLI into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';

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

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/worker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
