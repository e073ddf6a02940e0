// The analysis's plain data as VS Code's objects: positions are copied as they are (model.ts).
import * as vscode from 'vscode';
import type { CodeDiagnostic, QuickFix, Range, Severity } from '../../codeIntelligence/model';

export const DIAGNOSTIC_SOURCE = 'Intercom';

export const toRange = (r: Range): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** With its code linking to the reason (the README's section). */
export function toDiagnostic(d: CodeDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITIES[d.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: d.code, target: vscode.Uri.parse(d.reason) };
  return diagnostic;
}

/** The code of one of our diagnostics, as toDiagnostic set it. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : undefined;
}

/** A quick fix for `diagnostic` in `uri`: its edits, or one of our commands. */
export function toCodeAction(uri: vscode.Uri, fix: QuickFix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (fix.kind === 'edit') {
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
    action.edit = edit;
    action.isPreferred = preferred;
  } else {
    action.command = { title: fix.title, command: fix.command, arguments: [...fix.arguments] };
  }
  return action;
}
