/**
 * The reports of the workspace folders: each report file read and checked once in the worker thread (again only when
 * it changes: its modification time and size), what the editor's report list shows — body, year, counts — and what a
 * report needs from the others: last year's report of its body, for `cross-year-carryover`.
 */

import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { CheckSettings, FileResult, Outcome } from '../batch/checkfile';
import { crossYearFindings, yearEntry, type CrossFinding, type YearEntry } from '../core/crossyear';
import type { Severity } from '../core/codes';
import { collect } from '../files';
import { isReportFileName } from '../inputs/index';
import { LSP_SEVERITY, SOURCE, type Analysis, type Options } from '../service';
import type { WorkspaceReport } from '../protocol';

/** A saved report's diagnostics (`savedDiagnostics`). */
export interface SavedDiagnostics {
  readonly uri: string;
  readonly path: string;
  /** Modification time and size of the file they were read from. */
  readonly stamp: string;
  readonly diagnostics: Diagnostic[];
}

/** A file of the workspace as last checked. */
interface Indexed {
  readonly stamp: string;
  /** Undefined for a file that is no report, or could not be read. */
  readonly result: FileResult | undefined;
  /** How its settings say a carry-over error (`cross-year-carryover`) when it was checked. */
  readonly carryover?: Severity | 'off';
}

/** The largest workspace file read (as the CLI's default). */
const MAX_MB = 64;
/** Most files of the workspace indexed. */
const MAX_FILES = 5000;

export interface IndexHost {
  /** Reads and checks a file off the main thread. */
  checkFile(file: string, settings: CheckSettings): Promise<Outcome>;
  /** The options for a document. */
  optionsFor(uri: string): Promise<Options>;
}

/** A map that counts its changes: what is made from it is kept until it changes. */
class Counted<K, V> extends Map<K, V> {
  generation = 0;
  override set(key: K, value: V): this {
    this.generation++;
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    const had = super.delete(key);
    if (had) this.generation++;
    return had;
  }
  override clear(): void {
    this.generation++;
    super.clear();
  }
}

export class WorkspaceIndex {
  private readonly files = new Counted<string, Indexed>();
  /** The saved reports' diagnostics as last made, and the state of the files they were made from. */
  private saved: { generation: number; value: SavedDiagnostics[] } | undefined;
  /** Files waiting to be read, with the stamp they will be read at. */
  private readonly queued = new Map<string, string>();
  private folders: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** Files waiting for a check. */
  pending = 0;

  constructor(
    private readonly host: IndexHost,
    /** Called when what the index knows has changed. */
    private readonly changed: () => void,
  ) {}

  /** The folders to index (file URIs); indexes them at once. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : []));
    for (const p of [...this.files.keys()]) if (!this.folders.some((f) => p.startsWith(f))) this.files.delete(p);
    this.scan();
  }

  /** Looks for new and changed report files in the folders and checks them; resolves when done. */
  scan(): Promise<void> {
    if (this.folders.length === 0) return this.queue;
    // A folder as large as a home directory is not read whole: the first files a walk finds, by name.
    const candidates = collect(this.folders, isReportFileName).candidates.slice(0, MAX_FILES);
    const seen = new Set(candidates.map((c) => c.path));
    let removed = false;
    for (const p of [...this.files.keys()])
      if (!seen.has(p)) {
        this.files.delete(p);
        removed = true;
      }
    for (const c of candidates) this.refresh(c.path);
    if (removed) this.changed();
    return this.queue;
  }

  /**
   * The settings changed: every file is checked again under them (what was found under the old ones stays shown
   * until then); resolves when done.
   */
  recheck(): Promise<void> {
    for (const [file, indexed] of [...this.files]) this.files.set(file, { ...indexed, stamp: '' });
    return this.scan();
  }

  /** A file changed, appeared or went: checked again when its stamp differs. */
  refresh(file: string): Promise<void> {
    let stamp: string;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      if (this.files.delete(file)) this.changed();
      return this.queue;
    }
    // Known as it is, or already waiting to be read as it is.
    if (this.files.get(file)?.stamp === stamp || this.queued.get(file) === stamp) return this.queue;
    this.queued.set(file, stamp);
    this.pending++;
    this.queue = this.queue.then(async () => {
      try {
        const uri = pathToFileURL(file).href;
        const options = await this.host.optionsFor(uri);
        const outcome = await this.host.checkFile(file, { options, noIgnore: false, maxMb: MAX_MB, html: false });
        const carryover = options.severity['cross-year-carryover'] ?? 'error';
        this.files.set(file, { stamp, result: outcome.kind === 'report' ? outcome.result : undefined, carryover });
      } catch {
        this.files.set(file, { stamp, result: undefined });
      } finally {
        if (this.queued.get(file) === stamp) this.queued.delete(file);
        this.pending--;
        this.changed();
      }
    });
    return this.queue;
  }

  /** Findings between the saved reports: each one's carry-over against last year's. */
  private crossFindings(): Map<string, CrossFinding[]> {
    const entries: YearEntry[] = [];
    for (const { uri, result } of this.results()) if (result.year) entries.push({ ...result.year, source: uri });
    const out = new Map<string, CrossFinding[]>();
    for (const f of crossYearFindings(entries)) {
      if (f.code !== 'cross-year-carryover') continue;
      const list = out.get(f.source) ?? [];
      list.push(f);
      out.set(f.source, list);
    }
    return out;
  }

  /** The reports the index holds, for the report list: their own findings and their carry-over. */
  reports(): WorkspaceReport[] {
    const out: WorkspaceReport[] = [];
    const cross = this.crossFindings();
    for (const [file, { result }] of this.files) {
      if (!result) continue;
      let errors = cross.get(pathToFileURL(file).href)?.length ?? 0;
      let warnings = 0;
      for (const { finding } of result.findings) {
        if (finding.severity === 'error') errors++;
        else if (finding.severity === 'warning') warnings++;
      }
      out.push({
        uri: pathToFileURL(file).href,
        name: result.year?.identity.name ?? '',
        body: result.year?.identity.body ?? '',
        year: result.year?.identity.year ?? 0,
        errors,
        warnings,
        sums: result.sums,
      });
    }
    return out.sort((a, b) => a.body.localeCompare(b.body) || b.year - a.year || a.uri.localeCompare(b.uri));
  }

  /** The carry-over findings between the saved reports, as diagnostics by URI (the workspace check). */
  crossDiagnostics(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const [uri, list] of this.crossFindings()) {
      // As the settings of the report it is said in had them when it was checked.
      const severity = this.files.get(fileURLToPath(uri))?.carryover ?? 'error';
      if (severity !== 'off')
        out.set(
          uri,
          list.map((f) => toDiagnostic(f, severity)),
        );
    }
    return out;
  }

  /** The workspace's reports as they were checked, with their findings, for the workspace check. */
  results(): { uri: string; result: FileResult; stamp: string }[] {
    const out: { uri: string; result: FileResult; stamp: string }[] = [];
    for (const [file, { result, stamp }] of this.files)
      if (result) out.push({ uri: pathToFileURL(file).href, result, stamp });
    return out;
  }

  /**
   * The saved reports' diagnostics, their own findings and their carry-over against last year's, with the stamp of
   * the file they were read from: what the workspace check shows for the reports that are not open.
   */
  savedDiagnostics(): SavedDiagnostics[] {
    // VS Code asks again at every poll of the workspace's diagnostics: made again only when a file changed.
    if (this.saved?.generation === this.files.generation) return this.saved.value;
    const value = this.makeSavedDiagnostics();
    this.saved = { generation: this.files.generation, value };
    return value;
  }

  private makeSavedDiagnostics(): SavedDiagnostics[] {
    const cross = this.crossDiagnostics();
    return this.results().map(({ uri, result, stamp }) => {
      const diagnostics: Diagnostic[] = result.findings.map(({ finding, start, end }) => ({
        range: { start, end },
        severity: LSP_SEVERITY[finding.severity],
        code: finding.code,
        source: SOURCE,
        message: finding.message,
      }));
      for (const d of cross.get(uri) ?? []) diagnostics.push(d);
      return { uri, path: result.path, stamp, diagnostics };
    });
  }

  /**
   * The carry-over of a checked document against last year's report of its body in the workspace, as diagnostics.
   * `selfPath`: the document's own file, which the index may also hold (its saved text) and which is not last year's.
   */
  crossYear(uri: string, selfPath: string | undefined, analysis: Analysis, options: Options): Diagnostic[] {
    // Nothing indexed (no workspace folder): nothing to read on every keystroke.
    if (this.files.size === 0) return [];
    const self = yearEntry(analysis.report, uri);
    if (!self) return [];
    const { identity } = self;
    const entries: YearEntry[] = [self];
    for (const [file, { result }] of this.files) {
      const last = result?.year;
      if (file === selfPath || !last) continue;
      if (last.identity.body !== identity.body || last.identity.year !== identity.year - 1) continue;
      entries.push({ ...last, source: pathToFileURL(file).href });
    }
    const severity = options.severity['cross-year-carryover'] ?? 'error';
    if (entries.length === 1 || severity === 'off') return [];
    return crossYearFindings(entries)
      .filter((f) => f.source === uri && f.code === 'cross-year-carryover')
      .map((f) => toDiagnostic(f, severity));
  }
}

/** A finding between reports as a diagnostic, the other report's place as related information. */
function toDiagnostic(f: CrossFinding, severity: Severity): Diagnostic {
  return {
    range: { start: f.start, end: f.end },
    severity: LSP_SEVERITY[severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
    relatedInformation: f.related.map((r) => ({
      location: { uri: r.source, range: { start: r.start, end: r.end } },
      message: r.message,
    })),
  };
}
