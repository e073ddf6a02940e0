// Language-model tools over the connected workspace, all read-only: the /me facts (never the token), a
// search of the catalog, and a GET of a documented read operation after the person confirms it.
import * as vscode from 'vscode';
import { requestTarget, requestUrl, type ApiAnswer, type ApiCall } from '../../api/call';
import { isIntercomError } from '../../api/errors';
import { readSettings } from '../../host/config';
import { callTarget } from '../../explorer/call';
import { loadCatalog } from '../../explorer/catalog';
import { catalogGet, findOperations, workspaceFacts } from '../../explorer/tools';
import { currentSession } from '../../host/session/current';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';
import { workspaceTitle } from '../../workspace/fields';
import { escapeMarkdown } from '../../workspace/markdown';
import { explainIntercomError } from '../connect/messages';

type Fetch = (session: IntercomSession, version: string, call: ApiCall, token: vscode.CancellationToken) => Promise<ApiAnswer>;

/** The most body text a GET tool result carries; the rest is cut with a note. */
const RESULT_LIMIT = 20_000;


const NOT_CONNECTED = 'No Intercom workspace is connected in this window. Ask the user to run "Intercom: Connect" or "Intercom: Connect with Access Token".';

export class ExplorerTools {
  constructor(private readonly services: Services, private readonly fetch: Fetch) {}

  /** A tool result, through the redaction step like every other sink. */
  private text(value: unknown): vscode.LanguageModelToolResult {
    const plain = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(this.services.redactor.redact(plain))]);
  }

  private session(): Promise<IntercomSession | undefined> {
    return currentSession(this.services.context.globalState, this.services.sessions);
  }

  /** intercom_call_get's path as the catalog GET it is (or why it is refused), with the session and version. */
  private async getRequest(path: unknown) {
    const version = readSettings().apiVersion;
    return { session: await this.session(), version, target: catalogGet(loadCatalog().operations(version), String(path ?? '')) };
  }

  readonly workspace: vscode.LanguageModelTool<Record<string, never>> = {
    invoke: async () => {
      const session = await this.session();
      return this.text(session ? workspaceFacts(session, readSettings().apiVersion) : NOT_CONNECTED);
    },
  };

  readonly findOperation: vscode.LanguageModelTool<{ query: string; version?: string }> = {
    invoke: async ({ input }) => {
      const version = input.version || readSettings().apiVersion;
      const found = findOperations(loadCatalog().operations(version), input.query ?? '');
      return this.text(found.length > 0 ? { version, operations: found } : `No operation of Intercom API ${version} matches "${input.query}".`);
    },
  };

  readonly callGet: vscode.LanguageModelTool<{ path: string }> = {
    // The confirmation shows the request line as requestUrl builds it for sending, escaped: the path is the
    // model's text. A path that is refused needs no confirmation: invoke sends nothing and says why.
    prepareInvocation: async ({ input }) => {
      const { session, target } = await this.getRequest(input.path);
      if (!session || 'refused' in target) return { invocationMessage: new vscode.MarkdownString(vscode.l10n.t('GET {0}', escapeMarkdown(String(input.path ?? '')))) };
      const line = escapeMarkdown(`GET ${requestTarget(requestUrl(session.apiBase, target.call))}`);
      return {
        invocationMessage: new vscode.MarkdownString(line),
        confirmationMessages: {
          title: vscode.l10n.t('Send a GET request to Intercom?'),
          message: new vscode.MarkdownString(vscode.l10n.t('{0} to the workspace {1}, with the connected token. It only reads data.', line, escapeMarkdown(workspaceTitle(session)))),
        },
      };
    },
    invoke: async ({ input }, token) => {
      const { session, version, target } = await this.getRequest(input.path);
      if (!session) return this.text(NOT_CONNECTED);
      if ('refused' in target) throw new Error(target.refused);
      this.services.log.info(`Language-model tool: GET ${target.call.path}`);
      try {
        const answer = await this.fetch(session, version, target.call, token);
        const body = JSON.stringify(answer.body, null, 1) ?? '';
        return this.text([
          `GET ${callTarget(target.call)} → ${answer.status} (${answer.durationMs} ms, request id ${answer.headers['x-request-id'] ?? 'none'})`,
          body.length > RESULT_LIMIT ? `${body.slice(0, RESULT_LIMIT)}\n… (cut at ${RESULT_LIMIT} characters)` : body,
        ].join('\n'));
      } catch (error) {
        if (!isIntercomError(error)) throw error;
        throw new Error(explainIntercomError(error, 'request', session.kind).text);
      }
    },
  };
}
