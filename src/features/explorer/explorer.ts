// The API explorer (dist/explorer.js, loaded on first use): runs calls with the current session, shows
// answers in response tabs, keeps and re-runs the history, and serves the language-model tools.
import * as vscode from 'vscode';
import { requestTarget, requestUrl, type ApiAnswer, type ApiCall } from '../../api/call';
import { isIntercomError } from '../../api/errors';
import { readSettings } from '../../host/config';
import { callTarget, isWrite } from '../../explorer/call';
import { loadCatalog, type Permission } from '../../explorer/catalog';
import { prefilled } from '../../explorer/prefill';
import { currentSession } from '../../host/session/current';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';
import { workspaceTitle } from '../../workspace/fields';
import { withAbort } from '../cancel';
import { Actions, explainIntercomError, showExplained } from '../connect/messages';
import { ApiTree, permissionText, type ApiNode } from './apiTree';
import { BodyDocuments } from './bodyDocuments';
import { pickOperation, promptTarget } from './callApi';
import { ApiHistory } from './historyStore';
import { ExplorerTools } from './lmTools';
import { ResponseDocuments } from './responses';

/** The explorer behind the API view `view`. */
export function createExplorer(services: Services, view: vscode.TreeView<ApiNode>): ApiExplorer {
  return new ApiExplorer(services, (message) => { view.message = message; });
}

/** What to do about an unsuccessful answer, for its tab: the explanation, unless the status calls for more. */
function nextStep(status: number, workspace: string, explained: string): string {
  if (status === 404) return vscode.l10n.t('{0} has nothing at this path. Check each id in the path (a list call, such as GET /contacts, shows real ones), that it belongs to this workspace, and that the operation is the one you meant.', workspace);
  if (status === 400 || status === 422) return vscode.l10n.t('Intercom refused the request as sent: errors[].message below says which field or parameter. Fix it and send again.');
  return explained;
}

export class ApiExplorer implements vscode.Disposable {
  readonly tree: ApiTree;
  /** The view's rows, refreshed on every change of the sessions, the scope checks or the API version. */
  readonly rows: vscode.TreeDataProvider<ApiNode>;
  readonly responses: ResponseDocuments;
  readonly bodies = new BodyDocuments();
  readonly history: ApiHistory;
  readonly tools: ExplorerTools;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly services: Services, say: (message?: string) => void) {
    const changed = new vscode.EventEmitter<void>();
    this.tree = new ApiTree(services, () => changed.fire(), say);
    this.rows = {
      onDidChangeTreeData: changed.event,
      getChildren: (node) => this.tree.getChildren(node),
      getTreeItem: (node) => this.tree.getTreeItem(node),
    };
    this.responses = new ResponseDocuments((text) => services.redactor.redact(text));
    this.history = new ApiHistory(services.context.workspaceState);
    this.tools = new ExplorerTools(services, (session, version, call, token) => this.fetch(session, version, call, token));
    this.disposables = [
      changed, this.responses, this.bodies,
      services.sessions.onDidChange(() => changed.fire()),
      services.scopeChecks.onDidChange(() => changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('intercom.apiVersion')) changed.fire(); }),
    ];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /**
   * "Intercom: Call API…": the row's operation, else one picked from the version in use; or, from a call in
   * the code (a hover or CodeLens), its operation in the version the code uses, with the values it writes.
   * `prepared`, a call already filled in (a request file's), skips the prompts. A write with a body opens its
   * body document, sent from there (sendBody); any other call goes at once.
   */
  async call(arg?: ApiNode | object, prepared?: ApiCall): Promise<vscode.TextEditor | undefined> {
    const session = await this.session();
    if (!session) return undefined;
    const fromCode = prefilled(loadCatalog(), arg);
    const node = arg as ApiNode | undefined;
    const version = fromCode?.version ?? readSettings().apiVersion;
    const operation = fromCode?.operation ?? (node?.kind === 'operation' ? node.operation : await pickOperation(this.services.ui.current, loadCatalog().operations(version), version));
    if (!operation) return undefined;
    const call = prepared ?? (await promptTarget(this.services.ui.current, operation, fromCode?.values));
    if (!call) return undefined;
    if (isWrite(call.method) && operation.bodyFields.length > 0) {
      const target = { call, sessionId: session.id, workspace: workspaceTitle(session), version, operationId: operation.operationId };
      return this.bodies.open(target, operation.bodyFields);
    }
    return this.send(session, version, operation.operationId, call);
  }

  /** "Send Request Body": the body document's JSON, to the session and version its Call API used. */
  async sendBody(uri = vscode.window.activeTextEditor?.document.uri): Promise<vscode.TextEditor | undefined> {
    const { ui } = this.services;
    const target = uri && this.bodies.get(uri);
    const document = target && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!target || !document) {
      void ui.current.message('info', vscode.l10n.t('The active editor is not a request body. Run "Intercom: Call API…" on a POST, PUT or PATCH first.'));
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(document.getText());
    } catch (error) {
      void ui.current.message('error', vscode.l10n.t('The body is not valid JSON ({0}). Fix it, then send it again.', (error as Error).message));
      return undefined;
    }
    const session = await this.connected(target.sessionId, target.workspace);
    return session && this.send(session, target.version, target.operationId, { ...target.call, body });
  }

  /** Re-runs a call picked from the history, with the session and version it used. */
  async rerun(): Promise<vscode.TextEditor | undefined> {
    const { ui } = this.services;
    const entries = this.history.list();
    if (entries.length === 0) {
      void ui.current.message('info', vscode.l10n.t('No API requests yet. Run "Intercom: Call API…" first.'));
      return undefined;
    }
    const picked = await ui.current.pick(entries.map((entry) => ({
      label: `${entry.call.method} ${callTarget(entry.call)}`,
      description: `${entry.workspace} · ${entry.version}`,
      detail: new Date(entry.at).toLocaleString(),
      entry,
    })), { title: vscode.l10n.t('Re-run API Request'), matchOnDescription: true });
    if (!picked) return undefined;
    const session = await this.connected(picked.entry.sessionId, picked.entry.workspace);
    return session && this.send(session, picked.entry.version, picked.entry.operationId, picked.entry.call);
  }

  /** "Next page" of a response tab: the same call with starting_after, to the same session and version. */
  async nextPage(uri = vscode.window.activeTextEditor?.document.uri): Promise<vscode.TextEditor | undefined> {
    const shown = uri && this.responses.get(uri);
    if (!shown?.next) {
      void this.services.ui.current.message('info', vscode.l10n.t('This response has no next page.'));
      return undefined;
    }
    const session = await this.connected(shown.sessionId, shown.workspace);
    return session && this.send(session, shown.version, shown.operationId, shown.next);
  }

  async openReference(node?: ApiNode): Promise<void> {
    if (node?.kind === 'operation') await vscode.env.openExternal(vscode.Uri.parse(node.operation.docUrl));
  }

  /** The session a history entry or a response tab used, if it is still connected; else says so. */
  private async connected(sessionId: string, workspace: string): Promise<IntercomSession | undefined> {
    const session = await this.services.sessions.get(sessionId);
    if (!session) void this.services.ui.current.message('warning', vscode.l10n.t('{0} is no longer connected. Connect to it again to send this request.', workspace));
    return session;
  }

  private async session(): Promise<IntercomSession | undefined> {
    const { context, sessions, ui } = this.services;
    const session = await currentSession(context.globalState, sessions);
    if (!session) {
      const answer = await ui.current.message('info', vscode.l10n.t('Connect to an Intercom workspace first: Call API sends requests with its token.'), Actions.connectAgain, Actions.connectWithAccessToken);
      if (answer === Actions.connectAgain) await vscode.commands.executeCommand('intercom.connect');
      if (answer === Actions.connectWithAccessToken) await vscode.commands.executeCommand('intercom.connectWithAccessToken');
    }
    return session;
  }

  /**
   * A write asks first, naming the workspace and the request line exactly as it goes out (the URL is built once,
   * by requestUrl, which the HTTP client uses too); then the call goes out, into the history and a response tab.
   */
  private async send(session: IntercomSession, version: string, operationId: string, call: ApiCall): Promise<vscode.TextEditor | undefined> {
    const { ui, log } = this.services;
    const workspace = workspaceTitle(session);
    let target: string;
    try {
      target = `${call.method} ${requestTarget(requestUrl(session.apiBase, call))}`;
    } catch (error) {
      void ui.current.message('error', vscode.l10n.t('Not sent: {0}', (error as Error).message));
      return undefined;
    }
    if (isWrite(call.method)) {
      const yes = await ui.current.confirm(
        vscode.l10n.t('{0} changes real data in the Intercom workspace {1}.', target, workspace),
        vscode.l10n.t('The request goes to {0} with the connected token and cannot be undone from here.', new URL(session.apiBase).host),
        vscode.l10n.t('Send {0}', call.method),
      );
      if (!yes) {
        log.info(`Call API: ${call.method} ${call.path} not sent (not confirmed)`);
        return undefined;
      }
    }
    await this.history.add({ call, operationId, sessionId: session.id, workspace, version, at: Date.now() });
    let answer: ApiAnswer;
    try {
      answer = await ui.current.progress(vscode.l10n.t('{0} on {1}…', target, workspace), (_p, token) => this.fetch(session, version, call, token));
    } catch (error) {
      if (!isIntercomError(error)) throw error;
      const explained = explainIntercomError(error, 'request', session.kind);
      const permission = error.kind === 'forbidden' ? this.permissionOf(version, operationId) : undefined;
      if (permission) explained.text += ` ${vscode.l10n.t('This operation needs: {0}. Tick it in the Developer Hub (Configure > Authentication > Permissions), then connect again.', permissionText(permission))}`;
      void showExplained(ui.current, explained, () => this.send(session, version, operationId, call));
      // An answer, unlike a timeout or a network error, has a body worth reading: it opens like any other.
      const { answer: failed } = error.details;
      return failed && this.responses.show(call, failed, { workspace, sessionId: session.id, version, operationId, nextStep: nextStep(failed.status, workspace, explained.text) });
    }
    await this.services.walkthrough.mark('apiCalled');
    return this.responses.show(call, answer, { workspace, sessionId: session.id, version, operationId });
  }

  private fetch(session: IntercomSession, version: string, call: ApiCall, token: vscode.CancellationToken): Promise<ApiAnswer> {
    const http = this.services.http();
    return withAbort(token, (signal) => http.request({ apiBase: session.apiBase, token: session.accessToken, version, signal }, call));
  }

  private permissionOf(version: string, operationId: string): readonly string[] | undefined {
    if (!operationId) return undefined;
    const permission: Permission | undefined = loadCatalog().operations(version).find((o) => o.operationId === operationId)?.permission;
    return Array.isArray(permission) ? permission : undefined;
  }
}
