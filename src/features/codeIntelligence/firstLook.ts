// The only part of the code analysis loaded at activation: a first cheap look (one regex search, on a timer,
// never in the change event itself) at each open document of the six languages, on open and after edits.
// The analysis bundle (dist/codeIntelligence.js, with the scanner and SDK tables of dist/scan.js and the catalog
// of dist/state.js) loads once a document may mention Intercom; it then watches the documents itself, and this stops.
import vscode = require('vscode');
import { mayMentionIntercom } from '../../codeIntelligence/firstLook';
import { projectOf } from './folderScan';

/** The languages the scanner reads; package.json activates on each (onLanguage). */
export const LANGUAGE_IDS: readonly string[] = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'ruby', 'php', 'go'];

/** How long after the last edit a document is looked at again. */
export const LOOK_AFTER_EDIT_MS = 300;

export function watchForIntercom(context: vscode.ExtensionContext, start: () => void): void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const listeners: vscode.Disposable[] = [];
  let started = false;
  const stop = (): void => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    for (const listener of listeners.splice(0)) listener.dispose();
  };
  const look = (document: vscode.TextDocument): void => {
    if (started || document.isClosed || !LANGUAGE_IDS.includes(document.languageId)) return;
    if (!mayMentionIntercom(document.getText(), projectOf(context.workspaceState, document.uri))) return;
    started = true;
    stop();
    start();
  };
  const later = (document: vscode.TextDocument, ms: number): void => {
    if (!LANGUAGE_IDS.includes(document.languageId)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      look(document);
    }, ms));
  };
  listeners.push(
    vscode.workspace.onDidOpenTextDocument((document) => later(document, 0)),
    vscode.workspace.onDidChangeTextDocument(({ document }) => later(document, LOOK_AFTER_EDIT_MS)),
  );
  vscode.workspace.textDocuments.forEach((document) => later(document, 0));
  context.subscriptions.push({ dispose: stop });
}
