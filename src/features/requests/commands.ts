// "Open as .http", "Copy Snippet…" and "Compare API Versions". This is dist/requests.js (esbuild.mjs),
// loaded on a command's first run with the API catalog, never at activation.
import * as vscode from 'vscode';
import { httpFile } from '../../requests/httpFile';
import { prepareRequest, TOKEN_ENV_VAR, type PreparedRequest } from '../../requests/request';
import { SNIPPET_LANGUAGES } from '../../requests/snippets';
import type { Services } from '../../services';
import { compareVersions } from './compareVersions';
import { pickRequest, type PickedRequest } from './pickRequest';

export { compareVersions };

/** The prepared request, or undefined after saying what is missing (a path slot without a value). */
function prepare(services: Services, picked: PickedRequest): PreparedRequest | undefined {
  try {
    return prepareRequest(picked.input);
  } catch (error) {
    void services.ui.current.message('error', error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/**
 * An untitled document, not a file in the folder: nothing lands in the repository unless the person
 * saves it, and it works in Restricted Mode and virtual folders too.
 */
export async function openAsHttp(services: Services, arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const picked = await pickRequest(services, arg, vscode.l10n.t('Open as .http'));
  const request = picked && prepare(services, picked);
  if (!picked || !request) return undefined;
  const content = httpFile(request, { title: picked.operation.operationId || picked.operation.tag, reference: picked.operation.docUrl });
  const document = await vscode.workspace.openTextDocument({ language: 'http', content });
  await vscode.window.showTextDocument(document);
  return document;
}

export async function copySnippet(services: Services, arg?: unknown): Promise<string | undefined> {
  const title = vscode.l10n.t('Copy Snippet');
  const picked = await pickRequest(services, arg, title);
  const request = picked && prepare(services, picked);
  if (!request) return undefined;
  const language = await services.ui.current.pick(SNIPPET_LANGUAGES.map((l) => ({ label: l.label, description: l.runtime, language: l })), { title });
  if (!language) return undefined;
  const text = language.language.write(request);
  await vscode.env.clipboard.writeText(text);
  void services.ui.current.message('info', vscode.l10n.t('Copied a {0} snippet for {1} {2}. It reads the token from ${3}: set it in your environment first.', language.label, request.method, request.target, TOKEN_ENV_VAR));
  return text;
}
