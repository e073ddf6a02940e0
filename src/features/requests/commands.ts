// "Open as .http", "Copy Snippet…" and "Compare API Versions". This is dist/requests.js (esbuild.mjs),
// loaded on a command's first run with the API catalog, never at activation.
import * as vscode from 'vscode';
import { httpFile } from '../../requests/httpFile';
import { prepareRequest, TOKEN_ENV_VAR } from '../../requests/request';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../../requests/snippets';
import type { Services } from '../../host/services';
import { compareVersions } from './compareVersions';
import { pickRequest } from './pickRequest';

/** The three commands, with the services they run with. */
export interface Requests {
  openAsHttp(arg?: unknown): Promise<vscode.TextDocument | undefined>;
  copySnippet(arg?: unknown): Promise<string | undefined>;
  compareVersions(): Promise<unknown>;
}

export function createRequests(services: Services): Requests {
  return {
    openAsHttp: (arg) => openAsHttp(services, arg),
    copySnippet: (arg) => copySnippet(services, arg),
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

/**
 * An untitled document, not a file in the folder: nothing lands in the repository unless the person
 * saves it, and it works in Restricted Mode and virtual folders too.
 */
async function openAsHttp(services: Services, arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const picked = await pickRequest(services, arg, vscode.l10n.t('Open as .http'));
  if (!picked) return undefined;
  const request = prepareRequest(picked.input);
  const content = httpFile(request, { title: picked.operation.operationId || picked.operation.tag, reference: picked.operation.docUrl });
  const document = await vscode.workspace.openTextDocument({ language: 'http', content });
  await vscode.window.showTextDocument(document);
  return document;
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
  void services.ui.current.message('info', vscode.l10n.t('Copied a {0} snippet for {1} {2}. It reads the token from ${3}: set it in your environment first.', language.label, request.method, request.target, TOKEN_ENV_VAR));
  return text;
}
