// What the analysis of one document hands the editor: diagnostics with the reason and the fixes, in
// plain data. Positions are 0-based lines and UTF-16 characters, as vscode.Position's, so the adapter
// only copies them.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A code action: edits to apply, or one of the extension's commands to run. */
export type QuickFix =
  | { readonly kind: 'edit'; readonly title: string; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'command'; readonly title: string; readonly command: string; readonly arguments: readonly unknown[] };

export type Severity = 'error' | 'warning' | 'information';

/** Stable: users filter and suppress diagnostics by these. */
export type DiagnosticCode =
  | 'intercom.version-missing'
  | 'intercom.version-removed'
  | 'intercom.permission-missing'
  | 'intercom.secret-access-token'
  | 'intercom.secret-client-secret'
  | 'intercom.signature-reserialised'
  | 'intercom.signature-algorithm'
  | 'intercom.signature-header'
  | 'intercom.signature-compare'
  | 'intercom.region-host';

export interface CodeDiagnostic {
  readonly code: DiagnosticCode;
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** Where the reason is explained: the README's section for the code. */
  readonly reason: string;
  readonly fixes: readonly QuickFix[];
}

const README = 'https://github.com/seedworks/intercom-devtools#';

/** The README section each code links to: one section per family of diagnostics. */
export const REASONS: Readonly<Record<DiagnosticCode, string>> = {
  'intercom.version-missing': `${README}api-versions-in-the-code`,
  'intercom.version-removed': `${README}api-versions-in-the-code`,
  'intercom.permission-missing': `${README}permissions-in-the-code`,
  'intercom.secret-access-token': `${README}secrets-in-the-code`,
  'intercom.secret-client-secret': `${README}secrets-in-the-code`,
  'intercom.signature-reserialised': `${README}signature-checks-in-the-code`,
  'intercom.signature-algorithm': `${README}signature-checks-in-the-code`,
  'intercom.signature-header': `${README}signature-checks-in-the-code`,
  'intercom.signature-compare': `${README}signature-checks-in-the-code`,
  'intercom.region-host': `${README}regions-in-the-code`,
};

/** A diagnostic with its code's reason link. */
export function diagnostic(code: DiagnosticCode, range: Range, severity: Severity, message: string, fixes: readonly QuickFix[] = []): CodeDiagnostic {
  return { code, range, severity, message, reason: REASONS[code], fixes };
}
