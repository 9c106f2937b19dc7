/**
 * Diagnostics: checks debounced per document, published only for the version that is still current, cleared when a
 * document closes or stops being a report.
 */

import { toDiagnostics } from '../service';
import { REPORT_DETECTED } from '../protocol';
import { pageAt } from '../inputs/index';
import { reportPathOf, viewKey, type ServerState } from './state';

/**
 * The quiet period between the last edit and a check scales with what a check of the document costs: a few times its
 * last analysis, at least `DEBOUNCE_MIN_MS` (keystrokes in a burst still coalesce), at most `DEBOUNCE_MS` (a 5 MB
 * document is not re-checked on every pause).
 */
export const DEBOUNCE_MS = 200;
export const DEBOUNCE_MIN_MS = 40;
const DEBOUNCE_FACTOR = 4;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Set<string>();
  private readonly announced = new Set<string>();
  /** What the last check of each document cost, in ms. */
  private readonly cost = new Map<string, number>();

  constructor(private readonly state: ServerState) {
    const { documents } = state;
    // An opened document is checked at once; the content change its opening also fires adds no quiet period.
    const opening = new Set<string>();
    documents.onDidOpen((e) => {
      opening.add(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    documents.onDidChangeContent((e) => {
      if (opening.delete(e.document.uri)) return;
      this.schedule(e.document.uri, this.quietPeriod(e.document.uri));
    });
    documents.onDidClose((e) => this.close(e.document.uri));
  }

  /** The quiet period before a document is checked again after an edit. */
  private quietPeriod(uri: string): number {
    const cost = this.cost.get(uri) ?? DEBOUNCE_MS;
    return Math.min(DEBOUNCE_MS, Math.max(DEBOUNCE_MIN_MS, DEBOUNCE_FACTOR * cost));
  }

  /** Checks a document after `delay` ms, replacing a check already waiting. */
  schedule(uri: string, delay: number): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  /** Checks every open document again (the settings changed). */
  scheduleAll(): void {
    for (const doc of this.state.documents.all()) this.schedule(doc.uri, 0);
  }

  private close(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.state.service.forget(uri);
    this.state.forgetSettings(uri);
    this.cost.delete(uri);
    this.announced.delete(uri);
    this.clear(uri);
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async validate(uri: string): Promise<void> {
    const { documents, connection } = this.state;
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const options = await this.state.optionsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    if (!this.state.isChecked(doc, options)) {
      this.clear(uri);
      return;
    }
    if (doc.languageId === 'plaintext' && options.detection && !this.announced.has(uri)) {
      this.announced.add(uri);
      void connection.sendNotification(REPORT_DETECTED, { uri });
    }
    let diagnostics;
    let analysis;
    try {
      const started = performance.now();
      analysis = await this.state.service.analysis(doc);
      diagnostics = toDiagnostics(analysis, options, uri);
      // Against last year's report of the same body in the workspace.
      for (const d of this.state.index.crossYear(uri, reportPathOf(uri), analysis, options)) diagnostics.push(d);
      this.cost.set(uri, performance.now() - started);
    } catch (err) {
      connection.console.error(`nianbao: 检查 ${uri} 时出错：${String(err)}`);
      return;
    }
    // A newer version may have arrived while settings were fetched: publish only for the current one.
    if (documents.get(uri)?.version !== version) return;
    // A view of a PDF: each finding names the page it is on.
    const pages = this.state.sources.get(viewKey(uri));
    if (pages && pages.some((m) => m.page !== undefined)) {
      diagnostics = diagnostics.map((d) => {
        const page = pageAt(pages, doc.offsetAt(d.range.start));
        return page === undefined ? d : { ...d, message: `${d.message}（第 ${page} 页）` };
      });
    }
    this.published.add(uri);
    void connection.sendDiagnostics({
      uri,
      version,
      diagnostics: this.state.positions(analysis).diagnostics(diagnostics, uri),
    });
  }
}
