/**
 * The extension page's readme: README.zh-CN.md with its pictures inlined as `data:` URIs. VS Code shows an
 * extension's page under a Content Security Policy that allows only `https:` and `data:` pictures, so a picture named
 * by a relative path never shows in an installed extension, and this machine publishes nothing over https.
 * `npm run package` writes dist/extension-readme.md and packs it as the readme.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

/** The markdown with each `![alt](docs/….png)` made a `data:image/png;base64,…` picture read from `root`. */
export function inlinePictures(markdown: string, root: string): string {
  return markdown.replace(/!\[([^\]]*)\]\((docs\/[^)\s]+\.png)\)/gu, (_, alt: string, file: string) => {
    const png = readFileSync(path.join(root, file));
    return `![${alt}](data:image/png;base64,${png.toString('base64')})`;
  });
}

export const EXTENSION_README = path.join(ROOT, 'dist', 'extension-readme.md');

if (require.main === module) {
  const source = readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8');
  writeFileSync(EXTENSION_README, inlinePictures(source, ROOT));
  console.log(`${path.relative(ROOT, EXTENSION_README)}: README.zh-CN.md with its pictures inlined`);
}
