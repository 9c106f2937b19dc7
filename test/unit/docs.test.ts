/** The public contract is documented from the rule registry: the README's code table and the severity setting. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { PACKAGE_JSON, severityProperties } from '../../scripts/manifest';
import { inlinePictures } from '../../scripts/extension-readme';

const ROOT = path.join(__dirname, '..', '..');

describe('documentation of the codes', () => {
  it('the README table lists every rule with its default severity and whether it has a fix, and no other', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|.*\| (.+) \|$/gmu)].map(
      (m) => [m[1], m[2], m[3] !== '—'],
    );
    assert.deepEqual(
      rows,
      RULES.map((r) => [r.code, r.severity, r.fix !== undefined]),
    );
  });

  it('the extension’s Chinese page lists every rule with its default severity in Chinese, its summary and its fix', () => {
    const readme = readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8');
    const words: Record<string, string> = { 错误: 'error', 警告: 'warning', 信息: 'information', 提示: 'hint' };
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (错误|警告|信息|提示) \| (.+) \| (有|—) \|$/gmu)].map((m) => [
      m[1],
      words[m[2]!],
      m[3],
      m[4] === '有',
    ]);
    assert.deepEqual(
      rows,
      RULES.map((r) => [r.code, r.severity, r.summary, r.fix !== undefined]),
    );
  });

  it('the extension’s page shows its pictures inlined (its CSP allows only https: and data:), and names its icon', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
    assert.match(
      pkg.scripts.package,
      /tsx scripts\/extension-readme\.ts && vsce package .*--readme-path dist\/extension-readme\.md/u,
    );
    assert.match(pkg.repository.url, /^https:\/\//u);
    assert.match(pkg.bugs.url, /^https:\/\//u);
    const readme = readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/gu)].map((m) => m[1]!);
    assert.ok(images.length >= 3);
    for (const img of [...images, pkg.icon as string]) {
      assert.match(img, /^docs\/[^/]+\.png$/u, img);
      assert.equal(readFileSync(path.join(ROOT, img)).subarray(1, 4).toString('latin1'), 'PNG', img);
    }
    const inlined = inlinePictures(readme, ROOT);
    const sources = [...inlined.matchAll(/!\[[^\]]*\]\(([^)]+)\)/gu)].map((m) => m[1]!);
    assert.equal(sources.length, images.length);
    images.forEach((img, i) =>
      assert.equal(sources[i], `data:image/png;base64,${readFileSync(path.join(ROOT, img)).toString('base64')}`),
    );
    assert.equal(
      inlined.replace(/\(data:image\/png;base64,[^)]+\)/gu, '()'),
      readme.replace(/\(docs\/[^)]+\)/gu, '()'),
    );
  });

  it('package.json offers a severity override for every rule, as `npm run manifest` writes it', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
    const props = pkg.contributes.configuration.properties['nianbao.severity'].properties;
    assert.deepEqual(props, severityProperties());
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^~1\.100\./u);
  });

  it('every rule has a code, a one-line Chinese summary, and codes are unique', () => {
    const codes = new Set<string>();
    for (const r of RULES) {
      assert.match(r.code, /^[a-z]+(-[a-z]+)+$/u);
      assert.ok(!codes.has(r.code), r.code);
      codes.add(r.code);
      assert.match(r.summary, /[\u4e00-\u9fff]/u);
      assert.ok(!r.summary.includes('\n'));
    }
  });
});
