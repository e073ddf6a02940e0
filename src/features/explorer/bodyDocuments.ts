// A write's JSON body, edited in an untitled document named for its request ("POST contacts — body.json")
// and sent from the editor title, the code lens at its top, or "Intercom: Send Request Body". It stays
// sendable until it is closed, so a Cancel at the confirmation loses neither the body nor the way to send it.
import * as vscode from 'vscode';
import type { ApiCall } from '../../api/call';
import { bodyDocumentName, bodyTemplate, callTarget } from '../../explorer/call';

/** Where a body goes: its call (the body comes from the document), to the session and version Call API used. */
export interface BodyTarget {
  readonly call: ApiCall;
  readonly sessionId: string;
  readonly workspace: string;
  readonly version: string;
  readonly operationId: string;
}

/** The names of the open body documents, for the `when` clauses of Send (package.json). */
const CONTEXT_KEY = 'intercom.api.bodyDocuments';

export class BodyDocuments implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly targets = new Map<string, BodyTarget>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly registrations: vscode.Disposable[];

  constructor() {
    this.registrations = [
      this.changed,
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this),
      vscode.workspace.onDidCloseTextDocument((d) => { if (this.targets.delete(d.uri.toString())) void this.publish(); }),
    ];
  }

  /** Opens the body document of `target` with a template of `fields`; one already open keeps its edits. */
  async open(target: BodyTarget, fields: readonly string[]): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: bodyDocumentName(target.call) });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    if (document.getText() === '') await editor.edit((e) => e.insert(new vscode.Position(0, 0), bodyTemplate(fields)));
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    this.targets.set(uri.toString(), target);
    await this.publish();
    return editor;
  }

  get(uri: vscode.Uri): BodyTarget | undefined {
    return this.targets.get(uri.toString());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const target = this.get(document.uri);
    if (!target) return [];
    const title = vscode.l10n.t('$(send) Send {0} {1} to {2}', target.call.method, callTarget(target.call), target.workspace);
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: 'intercom.sendRequestBody', arguments: [document.uri] })];
  }

  private async publish(): Promise<void> {
    const names = [...this.targets.keys()].map((key) => vscode.Uri.parse(key).path);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, names);
    this.changed.fire();
  }

  dispose(): void {
    this.registrations.forEach((r) => r.dispose());
  }
}
