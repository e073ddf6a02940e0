// Response tabs: read-only JSONC documents (scheme intercom-api) with the status, duration, request id,
// rate-limit headers and the body (and for an error, the next step), and a "Next page" code lens when the
// answer has pages.next.starting_after.
import * as vscode from 'vscode';
import type { ApiAnswer, ApiCall } from '../../api/call';
import { nextPageCall } from '../../explorer/call';
import { renderResponse } from '../../explorer/response';

export const RESPONSE_SCHEME = 'intercom-api';

/** What a tab shows and what its "Next page" sends, to the same session and version. */
export interface ShownResponse {
  readonly text: string;
  readonly next?: ApiCall;
  readonly sessionId: string;
  readonly workspace: string;
  readonly version: string;
  readonly operationId: string;
}

export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly shown = new Map<string, ShownResponse>();
  private count = 0;
  private readonly registrations: vscode.Disposable[];

  /** `redact`: the text goes through the redaction step like every other sink (an answer could echo a secret). */
  constructor(private readonly redact: (text: string) => string) {
    this.registrations = [
      vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this),
      vscode.languages.registerCodeLensProvider({ scheme: RESPONSE_SCHEME }, this),
      // A closed tab's answer is not kept.
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === RESPONSE_SCHEME) this.shown.delete(d.uri.toString()); }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.shown.get(uri.toString())?.text ?? vscode.l10n.t('// This response is no longer available: call the API again.');
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.shown.get(document.uri.toString())?.next) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: vscode.l10n.t('Next page'), command: 'intercom.nextApiPage', arguments: [document.uri] })];
  }

  get(uri: vscode.Uri): ShownResponse | undefined {
    return this.shown.get(uri.toString());
  }

  /**
   * Shows the answer as the preview editor: the next answer takes its place unless the person pinned it or
   * kept it open (double-click), so calls do not pile up tabs and pages can still be compared side by side.
   */
  async show(call: ApiCall, answer: ApiAnswer, where: { workspace: string; sessionId: string; version: string; operationId: string; nextStep?: string }): Promise<vscode.TextEditor> {
    const name = `${call.method} ${call.path.slice(1).replace(/\//g, ' ')} ${answer.status}`.replace(/[^\w {}.-]/g, '_');
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${++this.count}/${name}.jsonc` });
    this.shown.set(uri.toString(), {
      text: this.redact(renderResponse(call, answer, where)),
      next: nextPageCall(call, answer.body),
      sessionId: where.sessionId, workspace: where.workspace, version: where.version, operationId: where.operationId,
    });
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.registrations.forEach((r) => r.dispose());
  }
}
