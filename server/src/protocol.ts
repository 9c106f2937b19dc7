/** Names the server and the extension client share: the report language and the custom messages. */

/** The language id of a report: detected plain-text reports get it, and with it the grammar. */
export const LANGUAGE_ID = 'nianbao';

/** Client → server request `{ uri }`: check this document as a report even when it was not detected. */
export const CHECK_AS_REPORT = 'nianbao/checkAsReport';

/** Server → client notification `{ uri }`: this plain-text document is a report. */
export const REPORT_DETECTED = 'nianbao/reportDetected';

/** The fix-all source action's kind. */
export const FIX_ALL_KIND = 'source.fixAll.nianbao';

/** Client command run after a fix-all edit is applied: `[message]`, what was done, to show the user. */
export const FIX_ALL_DONE = 'nianbao.fixAllDone';

/**
 * Client → server request `{ uri }`: every safe fix of a checked document. Answers `{ edits, message }`: the text
 * edits (none when nothing can be fixed) and what they do, in a sentence (`已修复 3 处（…）` / `没有可自动修复的问题`).
 */
export const FIX_ALL = 'nianbao/fixAll';

/** The settings' section: `nianbao.detection.enabled`, `nianbao.severity`, `nianbao.inlayHints.enabled`. */
export const CONFIG_SECTION = 'nianbao';

/** The scheme of a read-only document holding the text read from a PDF, Word or web page file. */
export const REPORT_VIEW_SCHEME = 'nianbao-report';

/**
 * Client → server request `{ uri, view }`: read the file at `uri` (.pdf, .docx, .html…) as a report; the client shows
 * the text as the document `view`, whose findings then name their page. Answers `ReadFileResult`.
 */
export const READ_FILE = 'nianbao/readFile';

export type ReadFileResult = { readonly text: string; readonly format: string } | { readonly error: string };

/**
 * Client → server request `{ uri, target }`: write a copy of the file at `uri` (a .docx) with the safe fixes applied to
 * `target`. Answers `{ message }` (what was done, in a sentence) or `{ error }`.
 */
export const WRITE_FIXED_COPY = 'nianbao/writeFixedCopy';

export type WriteFixedCopyResult =
  { readonly message: string; readonly unplaced: readonly string[] } | { readonly error: string };

/**
 * Client → server request `{ uri }`: the tables of a checked document drawn as HTML for the preview (`render/tables.ts`),
 * their style sheet, and the document version they were drawn from. Answers `TablesResult`.
 */
export const TABLES = 'nianbao/tables';

export type TablesResult =
  { readonly html: string; readonly css: string; readonly version: number } | { readonly error: string };

/** A report of the workspace, as the report list shows it. */
export interface WorkspaceReport {
  readonly uri: string;
  /** The body as the title names it, and its key (spacing and 人民政府/政府 aside); '' when the title does not say. */
  readonly name: string;
  readonly body: string;
  /** The year it reports on; 0 when the title does not say. */
  readonly year: number;
  readonly errors: number;
  readonly warnings: number;
  readonly sums: 'ok' | 'broken' | 'none';
}

/** Client → server request `{}`: the workspace's reports. Answers `{ reports, pending }` (files still being read). */
export const WORKSPACE_REPORTS = 'nianbao/workspaceReports';

/** Server → client notification `{}`: the workspace's reports changed (one was checked, added or removed). */
export const REPORTS_CHANGED = 'nianbao/reportsChanged';

/**
 * Client → server request `{}`: every report of the workspace checked and its findings published (the open ones as
 * usual, the others from their saved files). Answers `{ reports, errors, warnings }`.
 */
export const CHECK_WORKSPACE = 'nianbao/checkWorkspace';
