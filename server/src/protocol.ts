/** Names the server and the extension client share: the report language and the custom messages. */

/** The language id of a report: detected plain-text reports get it, and with it the grammar. */
export const LANGUAGE_ID = 'nianbao';

/** Client → server request `{ uri }`: check this document as a report even when it was not detected. */
export const CHECK_AS_REPORT = 'nianbao/checkAsReport';

/** Server → client notification `{ uri }`: this plain-text document is a report. */
export const REPORT_DETECTED = 'nianbao/reportDetected';

/** The fix-all source action's kind. */
export const FIX_ALL_KIND = 'source.fixAll.nianbao';

/** The settings' section: `nianbao.detection.enabled`, `nianbao.severity`, `nianbao.inlayHints.enabled`. */
export const CONFIG_SECTION = 'nianbao';
