// "Open as .http", "Copy Snippet…", "Open Terminal with Token" and "Compare API Versions". This is
// dist/requests.js (esbuild.mjs), loaded on a command's first run with the API catalog, never at activation.
import * as vscode from 'vscode';
import { httpFile } from '../../requests/httpFile';
import { prepareRequest, TOKEN_ENV_VAR } from '../../requests/request';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../../requests/snippets';
import type { Services } from '../../host/services';
import { currentSession } from '../../host/session/current';
import { workspaceTitle } from '../../workspace/fields';
import { compareVersions } from './compareVersions';
import { pickRequest } from './pickRequest';

/** The three commands, with the services they run with. */
export interface Requests {
  openAsHttp(arg?: unknown): Promise<vscode.TextDocument | undefined>;
  copySnippet(arg?: unknown): Promise<string | undefined>;
  openTerminalWithToken(): Promise<vscode.Terminal | undefined>;
  compareVersions(): Promise<unknown>;
}

export function createRequests(services: Services): Requests {
  return {
    openAsHttp: (arg) => openAsHttp(services, arg),
    copySnippet: (arg) => copySnippet(services, arg),
    openTerminalWithToken: () => openTerminalWithToken(services),
    compareVersions: () => compareVersions(services),
  };
}

/** What each snippet needs to run, shown beside its language. */
const RUNTIME: Readonly<Record<SnippetLanguage['id'], () => string>> = {
  curl: () => vscode.l10n.t('a POSIX shell'),
  node: () => vscode.l10n.t('Node 18 or later; save as .mjs'),
  python: () => vscode.l10n.t('Python 3 with requests'),
  ruby: () => vscode.l10n.t('Ruby, standard library only'),
  php: () => vscode.l10n.t('PHP with the curl extension'),
  go: () => vscode.l10n.t('Go, standard library only'),
};

/** REST Client's extension id; its language id for request files is `http`. */
const REST_CLIENT = 'humao.rest-client';

/**
 * An untitled document, not a file in the folder: nothing lands in the repository unless the person
 * saves it, and it works in Restricted Mode and virtual folders too. Without an extension that knows the
 * `http` language (REST Client) nothing can send it: that is said, with Install and Send with Call API.
 */
async function openAsHttp(services: Services, arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const picked = await pickRequest(services, arg, vscode.l10n.t('Open as .http'));
  if (!picked) return undefined;
  const request = prepareRequest(picked.input);
  const content = httpFile(request, { title: picked.operation.operationId || picked.operation.tag, reference: picked.operation.docUrl });
  const sendable = (await vscode.languages.getLanguages()).includes('http');
  const document = await vscode.workspace.openTextDocument({ language: sendable ? 'http' : 'plaintext', content });
  await vscode.window.showTextDocument(document);
  if (!sendable) void offerSending(services, document, () => vscode.commands.executeCommand('intercom.callApi', { kind: 'operation', operation: picked.operation }, picked.input.call));
  return document;
}

async function offerSending(services: Services, document: vscode.TextDocument, callApi: () => Thenable<unknown>): Promise<void> {
  const install = vscode.l10n.t('Install REST Client');
  const send = vscode.l10n.t('Send with Call API');
  const answer = await services.ui.current.message('info', vscode.l10n.t('Nothing in this editor can send a .http file yet: REST Client ({0}) sends it with the Send Request link above the request. Install it, or send this request with Call API.', REST_CLIENT), install, send);
  if (answer === install) {
    await vscode.commands.executeCommand('workbench.extensions.installExtension', REST_CLIENT);
    if (!document.isClosed) await vscode.languages.setTextDocumentLanguage(document, 'http');
  }
  if (answer === send) await callApi();
}

/**
 * A terminal whose environment holds the selected workspace's token, for request files and snippets: the
 * token goes to the terminal's process only, never to the clipboard or a file. Transient: VS Code does not
 * keep the terminal (nor its environment) to restore it after a reload.
 */
async function openTerminalWithToken(services: Services): Promise<vscode.Terminal | undefined> {
  const { ui, log } = services;
  const session = await currentSession(services.context.globalState, services.sessions);
  if (!session) {
    const connect = vscode.l10n.t('Connect');
    const withToken = vscode.l10n.t('Connect with Access Token');
    const answer = await ui.current.message('info', vscode.l10n.t('Connect to an Intercom workspace first: the terminal gets its token.'), connect, withToken);
    if (answer === connect) await vscode.commands.executeCommand('intercom.connect');
    if (answer === withToken) await vscode.commands.executeCommand('intercom.connectWithAccessToken');
    return undefined;
  }
  const workspace = workspaceTitle(session);
  const terminal = vscode.window.createTerminal({
    name: vscode.l10n.t('Intercom: {0}', workspace),
    env: { [TOKEN_ENV_VAR]: session.accessToken },
    isTransient: true,
  });
  terminal.show();
  log.info(`Opened a terminal with the token of ${workspace} in ${TOKEN_ENV_VAR}`);
  return terminal;
}

async function copySnippet(services: Services, arg?: unknown): Promise<string | undefined> {
  const title = vscode.l10n.t('Copy Snippet');
  const picked = await pickRequest(services, arg, title);
  if (!picked) return undefined;
  const request = prepareRequest(picked.input);
  const language = await services.ui.current.pick(SNIPPET_LANGUAGES.map((l) => ({ label: l.label, description: RUNTIME[l.id](), language: l })), { title });
  if (!language) return undefined;
  const text = language.language.write(request);
  await vscode.env.clipboard.writeText(text);
  const terminal = vscode.l10n.t('Open Terminal with Token');
  void services.ui.current.message('info', vscode.l10n.t('Copied a {0} snippet for {1} {2}. It reads the token from ${3}: set it in your environment first, or run it in "Open Terminal with Token".', language.label, request.method, request.target, TOKEN_ENV_VAR), terminal)
    .then((answer) => (answer === terminal ? openTerminalWithToken(services) : undefined));
  return text;
}
