// Intercom in the code: the hover, diagnostics, quick fixes and optional CodeLens on each open document of
// the six languages, from the analysis of src/codeIntelligence. This is dist/codeIntelligence.js
// (esbuild.mjs), loaded by the first look (firstLook.ts) once an open document may mention Intercom.
import * as vscode from 'vscode';
import type { Services } from '../../host/services';
import { addPermissionToChecklist } from './addToChecklist';
import { ANALYSE_AFTER_EDIT_MS, DocumentAnalyses } from './analyses';
import { toDiagnostic } from './convert';
import { AnalysisEnvironment, CODE_LENS_SETTING } from './environment';
import { LANGUAGE_IDS } from './firstLook';
import { CallCodeLenses, hoverProvider, quickFixProvider } from './providers';

/** The language features once started; the table's "Add … to the scope checklist" row calls addToChecklist. */
export interface CodeIntelligence extends vscode.Disposable {
  addToChecklist(label: unknown): Promise<vscode.TextEditor | undefined>;
}

export function startCodeIntelligence(services: Services): CodeIntelligence {
  const env = new AnalysisEnvironment(services);
  const analyses = new DocumentAnalyses(env, LANGUAGE_IDS, services.log);
  const diagnostics = vscode.languages.createDiagnosticCollection('intercom');
  const lenses = new CallCodeLenses(analyses, env);
  const selector = LANGUAGE_IDS.map((language) => ({ language }));
  const analyseAll = (ms: number) => vscode.workspace.textDocuments.forEach((document) => analyses.schedule(document, ms));

  const registrations = vscode.Disposable.from(
    env, analyses, diagnostics, lenses,
    analyses.onDidAnalyse((document) => {
      diagnostics.set(document.uri, analyses.get(document).diagnostics.map(toDiagnostic));
      lenses.refresh();
    }),
    env.onDidChange(() => analyseAll(0)),
    vscode.workspace.onDidOpenTextDocument((document) => analyses.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (contentChanges.length > 0) analyses.schedule(document, ANALYSE_AFTER_EDIT_MS);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      env.forgetGit(document.uri);
      analyses.schedule(document, 0);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      analyses.forget(document);
      env.forgetGit(document.uri);
      diagnostics.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(CODE_LENS_SETTING)) lenses.refresh(); }),
    vscode.languages.registerHoverProvider(selector, hoverProvider(analyses, env)),
    vscode.languages.registerCodeActionsProvider(selector, quickFixProvider(analyses), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerCodeLensProvider(selector, lenses),
  );
  void env.readConnection();
  analyseAll(0);
  return {
    addToChecklist: (label) => addPermissionToChecklist(services.ui.current, label),
    dispose: () => registrations.dispose(),
  };
}
