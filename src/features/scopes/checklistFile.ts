// Writes the checklist to INTERCOM_SCOPES.md. A file that differs is never overwritten silently: the
// person chooses Replace (an undoable edit of the open document, then saved), Compare or Cancel.
import * as vscode from 'vscode';
import type { Ui } from '../../host/ui';
import { fileExists } from '../fileExists';

const PROPOSED_SCHEME = 'intercom-checklist';

export const CHECKLIST_FILE_NAME = 'INTERCOM_SCOPES.md';

/** Where the checklist goes: beside the code in the first folder, so its file links are relative. */
export function checklistUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, CHECKLIST_FILE_NAME);
}

/** Serves the new checklist read-only, as the right-hand side of Compare. */
export class ProposedChecklist implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private text = '';
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, this);

  show(target: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: target.path });
    this.text = text;
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

const sameText = (a: string, b: string) => a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');

/** Asks what to do with a file that differs; Compare shows both, then asks again. */
async function replaceConfirmed(ui: Ui, target: vscode.Uri, markdown: string, proposed: ProposedChecklist): Promise<boolean> {
  const name = vscode.workspace.asRelativePath(target);
  const replace = vscode.l10n.t('Replace');
  const compare = vscode.l10n.t('Compare');
  const cancel = vscode.l10n.t('Cancel');
  let answer = await ui.message('warning', vscode.l10n.t('{0} already exists and differs from the new checklist. Replace it? (Undo in the editor brings it back.)', name), replace, compare, cancel);
  if (answer === compare) {
    await vscode.commands.executeCommand('vscode.diff', target, proposed.show(target, markdown), vscode.l10n.t('{0} ↔ New Checklist', name));
    answer = await ui.message('warning', vscode.l10n.t('Replace {0} with the new checklist?', name), replace, cancel);
  }
  return answer === replace;
}

/**
 * Shows a document in an editor. One lingering after its file was deleted can be gone by the time VS Code opens its
 * editor ("Could NOT open editor"): then the file, just written, is opened afresh.
 */
async function show(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  try {
    return (await vscode.window.showTextDocument(document, { preview: false })).document;
  } catch {
    return (await vscode.window.showTextDocument(document.uri, { preview: false })).document;
  }
}

/**
 * Writes `markdown` to `target` and shows it; undefined when the person keeps the existing file.
 * Without a folder there is nowhere to write: the checklist opens as an untitled document.
 */
export async function writeChecklist(ui: Ui, target: vscode.Uri | undefined, markdown: string, proposed: ProposedChecklist): Promise<vscode.TextDocument | undefined> {
  if (!target) {
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(untitled, { preview: false });
    return untitled;
  }
  const onDisk = await fileExists(target);
  const differs = (d: vscode.TextDocument) => !sameText(d.getText(), markdown);
  // A document closed or deleted moments ago can linger with older text until the file watcher reports
  // the change; a new file is then written through it, so what is shown is what was written.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (!onDisk && !(open && differs(open))) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
    return show(open ?? (await vscode.workspace.openTextDocument(target)));
  }
  const document = open ?? (await vscode.workspace.openTextDocument(target));
  await vscode.window.showTextDocument(document, { preview: false });
  if (!differs(document)) return document;
  // The file, or unsaved edits of it, is what the person would lose.
  if ((onDisk || document.isDirty) && !(await replaceConfirmed(ui, target, markdown, proposed))) return undefined;
  await vscode.window.showTextDocument(document, { preview: false }); // again: Compare's diff may be on top
  // One edit of the whole document, so Undo in the editor restores the previous text.
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), markdown);
  if (!(await vscode.workspace.applyEdit(edit)) || !(await document.save())) {
    void ui.message('error', vscode.l10n.t('Could not write {0}; the new checklist is in the editor, unsaved.', vscode.workspace.asRelativePath(target)));
  }
  return document;
}
