/** The workspace the editor suite opens: the fixtures and a few reports made from them. */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toDocx } from '../docx';
import { yearReport } from '../helpers';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

export async function makeWorkspace(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const f of ['000_94c66d917836ad80.txt', '001_50aa6597b9c6048c.txt', '003_b4c873c83d7e3610.txt']) {
    copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  }
  copyFileSync(path.join(FIXTURES, '001_50aa6597b9c6048c.txt'), path.join(dir, 'report.md'));
  copyFileSync(path.join(FIXTURES, '000_94c66d917836ad80.txt'), path.join(dir, 'settings.md'));
  copyFileSync(path.join(FIXTURES, '000_94c66d917836ad80.txt'), path.join(dir, 'report.log'));
  writeFileSync(path.join(dir, 'notes.txt'), '会议记录\n\n一、总体情况\n二、下一步工作\n');
  const base = readFileSync(path.join(FIXTURES, 'crafted', 'correct-tab.txt'), 'utf8');
  const wrongTotal = base.replace('\t（七）总计\t10\t2', '\t（七）总计\t11\t2');
  writeFileSync(path.join(dir, 'numbers.txt'), wrongTotal);
  writeFileSync(path.join(dir, 'wrong-total.txt'), wrongTotal);
  writeFileSync(path.join(dir, 'preview.txt'), wrongTotal);
  writeFileSync(path.join(dir, 'dismiss.txt'), wrongTotal);
  // A report the suite never opens: the workspace check publishes its findings from the file.
  writeFileSync(path.join(dir, 'closed.txt'), wrongTotal);
  // Typed into while 1 000 reports are read.
  writeFileSync(path.join(dir, 'typing.txt'), wrongTotal);
  mkdirSync(path.join(dir, 'many'));
  // One body's reports a year apart: 2023 carries in 2 where 2022 carried forward 1 (and its own sums agree).
  mkdirSync(path.join(dir, 'years'));
  writeFileSync(
    path.join(dir, 'years', '东山镇2022.txt'),
    yearReport('crafted/correct-tab.txt', '东山镇人民政府', 2022),
  );
  writeFileSync(
    path.join(dir, 'years', '东山镇2023.txt'),
    yearReport('crafted/correct-tab.txt', '东山镇人民政府', 2023, 2, 2),
  );
  const several = base
    .replace('1.属于国家秘密\t0\t0\t0', '1.属于国家秘密\t\t0\t0')
    .replace('\t1\t0\t13\n二', '\t1\t0\t15\n二')
    .replace('1\t0\t0\t1\t2\t0', '1\t0\t0\t1\t3\t0');
  writeFileSync(path.join(dir, 'several.txt'), several);
  writeFileSync(path.join(dir, 'several-2.txt'), several);
  // Files the editor opens as reports through the command: a PDF with a wrong cell, a Word document fix-all mends.
  copyFileSync(path.join(FIXTURES, 'pdf', 'writer-wrong-cell.pdf'), path.join(dir, 'wrong-cell.pdf'));
  writeFileSync(
    path.join(dir, 'fixable.docx'),
    await toDocx(readFileSync(path.join(FIXTURES, 'crafted', 'fixable-tab.txt'), 'utf8'), { merge: true }),
  );
}
