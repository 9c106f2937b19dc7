import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCandidate, type CheckSettings } from '../../server/src/batch/checkfile';
import { DismissalStore } from '../../server/src/dismissals';
import { WorkspaceIndex, type SavedDiagnostics } from '../../server/src/lsp/workspace';
import { DEFAULT_OPTIONS, analyze, type Options } from '../../server/src/service';
import { yearReport } from '../helpers';

describe('the workspace index', () => {
  it('reads each report once, again only when it changes; lists them with their carry-over errors; forgets removed ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-index-'));
    try {
      const a = path.join(dir, 'a2022.txt');
      const b = path.join(dir, 'b2023.md');
      writeFileSync(a, yearReport('crafted/correct-tab.txt', '东山镇人民政府', 2022));
      writeFileSync(b, yearReport('crafted/correct-pipe.md', '东山镇政府', 2023, 2, 2));
      writeFileSync(path.join(dir, 'notes.txt'), '会议记录\n');
      const read: string[] = [];
      let changes = 0;
      const dismissals = new DismissalStore();
      const index = new WorkspaceIndex(
        {
          checkFile: (file: string, settings: CheckSettings) => {
            read.push(path.basename(file));
            return checkCandidate({ path: file, named: false }, settings, dismissals, { analyze });
          },
          optionsFor: () => Promise.resolve(DEFAULT_OPTIONS),
        },
        () => changes++,
      );
      index.setFolders([pathToFileURL(dir).href]);
      await index.scan();
      assert.deepEqual(read.sort(), ['a2022.txt', 'b2023.md', 'notes.txt']);
      assert.deepEqual(
        index.reports().map((r) => `${r.name} ${r.year} ✗${r.errors}`),
        ['东山镇政府 2023 ✗2', '东山镇人民政府 2022 ✗0'],
      );
      assert.ok(changes > 0);
      // Nothing changed: nothing read again.
      await index.scan();
      assert.equal(read.length, 3);
      // One file's time changes: that one is read again.
      const later = new Date(Date.now() + 5000);
      utimesSync(b, later, later);
      await index.refresh(b);
      assert.deepEqual(read.slice(3), ['b2023.md']);
      // Removed: gone from the list, and last year's report with it.
      rmSync(a);
      await index.scan();
      assert.deepEqual(
        index.reports().map((r) => `${r.name} ${r.year} ✗${r.errors}`),
        ['东山镇政府 2023 ✗0'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes the saved reports’ diagnostics again only when a file changed; checks every file again when settings change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-index-'));
    try {
      const b = path.join(dir, 'b2023.md');
      writeFileSync(b, yearReport('crafted/correct-pipe.md', '东山镇政府', 2023, 2, 2));
      writeFileSync(path.join(dir, 'a2022.txt'), yearReport('crafted/correct-tab.txt', '东山镇人民政府', 2022));
      let options: Options = DEFAULT_OPTIONS;
      const dismissals = new DismissalStore();
      const index = new WorkspaceIndex(
        {
          checkFile: (file: string, settings: CheckSettings) =>
            checkCandidate({ path: file, named: false }, settings, dismissals, { analyze }),
          optionsFor: () => Promise.resolve(options),
        },
        () => undefined,
      );
      index.setFolders([pathToFileURL(dir).href]);
      await index.scan();
      const first = index.savedDiagnostics();
      const of = (saved: SavedDiagnostics[]): string[] =>
        saved
          .flatMap((s) => s.diagnostics.map((d) => `${path.basename(s.path)} ${String(d.code)} ${d.severity}`))
          .sort();
      assert.ok(of(first).length > 0);
      // Asked again with nothing changed (VS Code polls): the same answer, not made again.
      assert.equal(index.savedDiagnostics(), first);
      // A file changed: made again.
      const later = new Date(Date.now() + 5000);
      utimesSync(b, later, later);
      await index.refresh(b);
      const second = index.savedDiagnostics();
      assert.notEqual(second, first);
      assert.deepEqual(of(second), of(first));
      // The settings turn every code of b's findings off: after the re-check, nothing is said of it.
      const codes = [...new Set(first.flatMap((s) => s.diagnostics.map((d) => String(d.code))))];
      options = { ...DEFAULT_OPTIONS, severity: Object.fromEntries(codes.map((c) => [c, 'off'])) };
      await index.recheck();
      assert.deepEqual(
        index.savedDiagnostics().flatMap((s) => s.diagnostics),
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
