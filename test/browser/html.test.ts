/**
 * `npm run test:browser`: the reviewer's HTML page (`nianbao check --format html`) opened in headless Chromium: its
 * cells are the report's, the wrong one marked with its right value, and it asks for nothing over the network.
 * Needs Chromium (Debian's `chromium`, or CHROMIUM_PATH).
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { fixture, replaceOnce } from '../helpers';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

describe('the HTML page in Chromium', function () {
  this.timeout(60_000);

  it('shows each report’s cells as the report has them, the wrong one with its right value, nothing remote', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-html-'));
    try {
      const wrong = replaceOnce(fixture('crafted/correct-tab.txt'), '\t（七）总计\t10\t', '\t（七）总计\t11\t');
      writeFileSync(path.join(dir, 'a.txt'), wrong);
      writeFileSync(
        path.join(dir, 'b.txt'),
        fixture('crafted/correct-tab.txt').replace('青山县自然资源局', '青山县水利局'),
      );
      const page = path.join(dir, 'report.html');
      const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'html', '--output', page, dir], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 1, r.stderr);

      const browser = await chromium.launch({
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
      try {
        const tab = await browser.newPage();
        const asked: string[] = [];
        tab.on('request', (q) => asked.push(q.url()));
        await tab.goto(pathToFileURL(page).href);
        assert.deepEqual(asked, [pathToFileURL(page).href]);
        assert.equal(await tab.locator('h1').textContent(), '政府信息公开工作年度报告检查结果');
        assert.deepEqual(
          await tab
            .locator('table.reports tbody tr')
            .evaluateAll((rows) =>
              rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
            ),
          [
            [path.join(dir, 'a.txt'), '1', '0', '✗'],
            [path.join(dir, 'b.txt'), '0', '0', '✓'],
          ],
        );
        // The first report's 三: 25 rows of 7, as its text has them; the wrong cell red with its right value.
        const lines = wrong.split('\n');
        const from = lines.findIndex((l) => l.startsWith('三、'));
        const to = lines.findIndex((l) => l.startsWith('四、政府信息公开'));
        const numbers = lines.slice(from, to).flatMap((l) => {
          const cells = l.split('\t').slice(-7);
          return cells.length === 7 && cells.every((c) => /^\d+$/u.test(c)) ? cells : [];
        });
        assert.equal(numbers.length, 175);
        const cells = await tab.locator('#report-1 section[data-table="applications"] td.cell').evaluateAll((tds) =>
          tds.map((td) => ({
            text: (td.textContent ?? '').trim(),
            cls: td.className,
            title: td.getAttribute('data-title'),
          })),
        );
        assert.deepEqual(
          cells.map((c) => c.text.replace(/应为 \d+$/u, '')),
          numbers,
        );
        assert.deepEqual(
          cells.filter((c) => c.cls !== 'cell ok').map((c) => `${c.title} ${c.cls} ${c.text}`),
          ['（七）总计·自然人 cell wrong 11应为 10'],
        );
        // The wrong cell is drawn red.
        const colour = await tab
          .locator('#report-1 td.cell.wrong')
          .evaluate(
            (td) =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(td).color,
          );
        assert.equal(colour, 'rgb(199, 46, 46)');
        assert.equal(await tab.locator('#report-2 td.cell:not(.ok)').count(), 0);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
