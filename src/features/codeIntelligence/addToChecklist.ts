// "Add … to the scope checklist", a permission diagnostic's quick fix: lists the permission in
// INTERCOM_SCOPES.md as an edit of the open document (undoable, saved by the person), or in a new untitled
// one at that path when the folder has no checklist yet.
import * as vscode from 'vscode';
import { addToChecklist } from '../../codeIntelligence/checklistEdit';
import type { Ui } from '../../host/ui';
import { fileExists } from '../fileExists';
import { checklistUri } from '../scopes/checklistFile';

export async function addPermissionToChecklist(ui: Ui, label: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof label !== 'string' || label === '') return undefined;
  const uri = checklistUri();
  if (!uri) {
    void ui.message('info', vscode.l10n.t('Open a folder first: the scope checklist is a file in it.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument((await fileExists(uri)) ? uri : uri.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document);
  const edit = addToChecklist(document.getText(), label);
  if (edit.kind === 'insert') await editor.edit((builder) => builder.insert(document.positionAt(edit.offset), edit.text));
  const line = edit.kind === 'listed' ? edit.line : document.positionAt(edit.offset + edit.text.length - 1).line;
  editor.selection = new vscode.Selection(line, 0, line, 0);
  editor.revealRange(new vscode.Range(line, 0, line, 0));
  return editor;
}
