/**
 * `npm run test:e2e`: the editor suite in a real VS Code — code-server 4.100.3 (VS Code 1.100.3) driven by headless
 * Chromium. Runs the suite twice: against the source folder (taking screenshots), then against the packaged .vsix
 * installed with `code-server --install-extension`. Prints the suite's report and exits with its result.
 */

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { unzipSync } from 'fflate';
import { makeWorkspace } from './workspace';

const REPO = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(REPO, 'screenshots');
const HARNESS = path.join(REPO, 'test', 'e2e', 'harness');
const SUITE = path.join(REPO, 'test', 'e2e', 'out', 'index.js');
/** The largest .vsix a user should download. */
const VSIX_LIMIT = 3 * 1024 * 1024;
/** A run that has not finished by then has hung. */
const DEADLINE_MS = 8 * 60_000;
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Result {
  passed: number;
  failed: number;
  report: string;
  summary: string;
}

function log(message: string): void {
  process.stderr.write(`e2e: ${message}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts code-server and resolves once it listens. */
function startCodeServer(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (b: Buffer): void => {
      out += b.toString();
      if (out.includes('HTTP server listening')) resolve(proc);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${out}`)));
  });
}

/** Resolves with the contents of a file once it is written. */
function whenWritten(file: string): Promise<string> {
  return new Promise((resolve) => {
    const dir = path.dirname(file);
    const check = (): boolean => {
      if (!existsSync(file)) return false;
      const text = readFileSync(file, 'utf8');
      if (text.length === 0) return false;
      w.close();
      resolve(text);
      return true;
    };
    const w = watch(dir, () => void check());
    check();
  });
}

/**
 * What the suite asks of the page, which only the browser can do: click (in the workbench, or in the table preview's
 * webview when `frame` is `preview`), read elements of the preview, wait for a selector, take a screenshot.
 */
interface PageRequest {
  /** `webview`: inside the one webview shown (the table preview, an extension's page). */
  readonly frame?: 'webview';
  readonly click?: string;
  /** Move the mouse over the first element matching. */
  readonly hover?: string;
  /** Count the elements matching, once there are at least `atLeast` of them (or 10 s have passed). */
  readonly count?: string;
  readonly atLeast?: number;
  /** Elements to read: each one's class, `data-title` (or `alt`), text, and a picture's loaded width. */
  readonly read?: string;
  readonly selector?: string;
  /** Save a screenshot (source runs only: the README's pictures). */
  readonly screenshot?: boolean;
}

/** Answers the suite's requests: `NAME.request` in, `NAME.done` (JSON: what was read, or the error) out. */
function serveRequests(browser: Browser, dir: string, shots: string | undefined): () => void {
  const taken = new Set<string>();
  const w = watch(dir, async () => {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.request') || taken.has(f)) continue;
      const text = readFileSync(path.join(dir, f), 'utf8');
      if (text.length === 0) continue;
      const req = JSON.parse(text) as PageRequest;
      taken.add(f);
      const name = f.replace(/\.request$/u, '');
      const page = browser.contexts()[0]?.pages()[0];
      const answer: {
        read?: { cls: string; title: string; text: string; src: string; width: number }[];
        count?: number;
        error?: string;
      } = {};
      try {
        if (!page) throw new Error('no page');
        // A webview's page sits two frames deep: the webview's host frame, then its content.
        const scope =
          req.frame === 'webview' ? page.frameLocator('iframe.webview.ready').frameLocator('#active-frame') : page;
        if (req.click) await scope.locator(req.click).first().click({ timeout: 10_000 });
        if (req.hover) await scope.locator(req.hover).first().hover({ timeout: 10_000 });
        if (req.count) {
          const want = req.atLeast ?? 0;
          const until = Date.now() + 10_000;
          let n = await scope.locator(req.count).count();
          while (n < want && Date.now() < until) {
            await page.waitForTimeout(100);
            n = await scope.locator(req.count).count();
          }
          answer.count = n;
        }
        if (req.read) {
          await scope.locator(req.read).first().waitFor({ state: 'attached', timeout: 20_000 });
          // Pictures are read once they have loaded or failed to.
          await scope.locator(req.read).evaluateAll((els) =>
            Promise.all(
              els.map((e) => {
                const img = e as unknown as { complete?: boolean; addEventListener(t: string, f: () => void): void };
                return img.complete === false
                  ? new Promise<void>((done) => {
                      img.addEventListener('load', done);
                      img.addEventListener('error', done);
                    })
                  : undefined;
              }),
            ),
          );
          answer.read = await scope.locator(req.read).evaluateAll((els) =>
            els.map((e) => ({
              cls: e.className,
              title: e.getAttribute('data-title') ?? e.getAttribute('alt') ?? '',
              text: (e.textContent ?? '').trim(),
              // For a picture: where from, and its width once loaded (0 when it could not be).
              src: (e.getAttribute('src') ?? '').slice(0, 200),
              width: (e as unknown as { naturalWidth?: number }).naturalWidth ?? 0,
            })),
          );
        }
        if (req.selector) await page.waitForSelector(req.selector, { state: 'visible', timeout: 20_000 });
        if (req.screenshot && shots) {
          await page.screenshot({ path: path.join(shots, `${name}.png`) });
          log(`screenshot ${name}.png`);
        }
      } catch (err) {
        answer.error = String(err);
        log(`request ${name} failed: ${answer.error}`);
      }
      // Written whole, then renamed: the suite never reads half an answer.
      writeFileSync(path.join(dir, `${name}.done.part`), JSON.stringify(answer));
      renameSync(path.join(dir, `${name}.done.part`), path.join(dir, `${name}.done`));
    }
  });
  return () => w.close();
}

async function runSuite(entry: string, mode: 'source' | 'package', extensionsDir?: string): Promise<Result> {
  const work = mkdtempSync(path.join(tmpdir(), `nianbao-e2e-${mode}-`));
  const ws = path.join(work, 'workspace');
  await makeWorkspace(ws);
  const result = path.join(work, 'result', 'result.json');
  mkdirSync(path.dirname(result));
  const requests = path.join(work, 'requests');
  mkdirSync(requests);
  // The README's pictures come from the source run; a packaged run alone takes them too.
  const shots = mode === 'source' || process.env['NIANBAO_E2E_PACKAGE_ONLY'] ? SHOTS : undefined;
  if (shots) {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots);
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_E2E_RESULT: result, NIANBAO_E2E_REQUESTS: requests };
  if (shots) env['NIANBAO_E2E_SHOTS'] = shots;
  if (extensionsDir) env['NIANBAO_E2E_INSTALLED_DIR'] = extensionsDir;
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    path.join(work, 'user-data'),
    '--extensions-dir',
    extensionsDir ?? path.join(work, 'extensions'),
    '--config',
    path.join(work, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ws,
  ];
  log(`${mode}: starting code-server on port ${port}`);
  const server = await startCodeServer(entry, args, env);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const stopRequests = serveRequests(browser, requests, shots);
  let timer: NodeJS.Timeout | undefined;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(mode === 'source' ? REPO : HARNESS)],
      ['extensionTestsPath', remote(SUITE)],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result after ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
    });
    const r = JSON.parse(await Promise.race([whenWritten(result), deadline])) as Result;
    // Figures the suite measured.
    const figures = path.join(path.dirname(result), 'figures.txt');
    if (existsSync(figures))
      r.report += `\n  figures: ${readFileSync(figures, 'utf8').trim().split('\n').join('\n  figures: ')}`;
    return r;
  } finally {
    if (timer) clearTimeout(timer);
    stopRequests();
    await browser.close().catch(() => undefined);
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  log('setting up code-server');
  const out = execFileSync('bash', [path.join(REPO, 'test', 'e2e', 'setup-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cs = out.trim().split('\n').pop()!;
  const entry = path.join(cs, 'out', 'node', 'entry.js');
  log('building the extension and the suite');
  execFileSync(process.execPath, ['esbuild.mjs', '--e2e'], { cwd: REPO, stdio: 'inherit' });

  const results: [string, Result][] = [];
  // NIANBAO_E2E_SOURCE_ONLY=1: the source run alone; NIANBAO_E2E_PACKAGE_ONLY=1: the packaged run alone (while
  // working on one test).
  if (!process.env['NIANBAO_E2E_PACKAGE_ONLY']) results.push(['source folder', await runSuite(entry, 'source')]);
  if (process.env['NIANBAO_E2E_SOURCE_ONLY']) return report(results);

  log('packaging the extension');
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  // The package a user downloads stays small: pdf.js and its character maps included, no node_modules, and nothing
  // the extension does not run (the CLI is for npm installs).
  const vsixBytes = statSync(path.join(REPO, 'nianbao.vsix')).size;
  const packed: string[] = [];
  unzipSync(readFileSync(path.join(REPO, 'nianbao.vsix')), {
    filter: (f) => {
      packed.push(f.name);
      return false;
    },
  });
  if (packed.includes('extension/dist/cli.js'))
    throw new Error('nianbao.vsix packs dist/cli.js, which the extension does not run');
  log(`nianbao.vsix: ${(vsixBytes / 1024 / 1024).toFixed(2)} MB`);
  const sizeCheck: Result = {
    passed: vsixBytes < VSIX_LIMIT ? 1 : 0,
    failed: vsixBytes < VSIX_LIMIT ? 0 : 1,
    report: `  ${vsixBytes < VSIX_LIMIT ? '✔' : '✘'} nianbao.vsix is ${(vsixBytes / 1024 / 1024).toFixed(2)} MB (limit 3 MB)`,
    summary: '',
  };
  const installed = mkdtempSync(path.join(tmpdir(), 'nianbao-e2e-installed-'));
  execFileSync(
    process.execPath,
    [
      entry,
      '--extensions-dir',
      installed,
      '--user-data-dir',
      path.join(installed, '.user'),
      '--install-extension',
      path.join(REPO, 'nianbao.vsix'),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    results.push(['installed .vsix', await runSuite(entry, 'package', installed)]);
  } finally {
    rmSync(installed, { recursive: true, force: true });
  }

  results.push(['package size', sizeCheck]);
  report(results);
}

function report(results: [string, Result][]): void {
  let failed = 0;
  let passed = 0;
  for (const [name, r] of results) {
    console.log(`\nNianbao in VS Code 1.100.3 (code-server), ${name}\n${r.report}\n  ${r.summary}`);
    failed += r.failed;
    passed += r.passed;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(`e2e: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
