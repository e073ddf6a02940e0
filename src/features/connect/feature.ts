// Connect's commands and the session the authentication provider asks for: each runs a flow, and a failure is
// explained to the person.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import type { IntercomSession, TokenKind } from '../../session/model';
import type { Services } from '../../host/services';
import { createRedirectBridge } from '../bridge/createBridge';
import { connectWithAccessToken } from './accessToken';
import { AppConfig } from './appConfig';
import { disconnect } from './disconnect';
import { explain, showExplained, type Stage } from './messages';
import { OAuthConnect } from './oauth';

export interface ConnectFeature {
  readonly appConfig: AppConfig;
  readonly oauth: OAuthConnect;
  /** Why a call failed and what to do, for other features' messages. */
  readonly explain: typeof explain;
  connect(): Promise<IntercomSession | undefined>;
  connectWithAccessToken(): Promise<IntercomSession | undefined>;
  createRedirectBridge(): Promise<unknown>;
  disconnect(target?: unknown): Promise<unknown>;
  /** The OAuth Connect the authentication provider runs when another extension asks for a session. */
  createSession(): Promise<IntercomSession>;
}

function stageOf(error: unknown): Stage {
  const path = isIntercomError(error) ? error.details.path : undefined;
  return path === '/auth/eagle/token' ? 'exchange' : path === '/me' ? 'me' : 'request';
}

export function createConnect(services: Services): ConnectFeature {
  const { ui } = services;
  const appConfig = new AppConfig(services);
  const oauth = new OAuthConnect(services, appConfig);

  /** Runs a connect flow; failures are explained to the person and resolve to undefined. */
  const guarded = async (kind: TokenKind, flow: () => Promise<IntercomSession | undefined>): Promise<IntercomSession | undefined> => {
    try {
      const before = await services.sessions.list();
      const session = await flow();
      if (!session) return undefined;
      await services.walkthrough.mark('connected');
      // One session per admin and workspace: a new kind of token replaces the other kind, and says so.
      const replaced = before.find((s) => s.account.id === session.account.id && s.kind !== session.kind);
      void ui.current.message('info', !replaced
        ? vscode.l10n.t('Connected to {0}.', session.account.label)
        : session.kind === 'accessToken'
          ? vscode.l10n.t('Connected to {0} with the access token. It replaced the OAuth session of the same admin (one session per admin and workspace).', session.account.label)
          : vscode.l10n.t('Connected to {0} with OAuth. It replaced the access token session of the same admin (one session per admin and workspace).', session.account.label));
      return session;
    } catch (error) {
      services.log.warn(`Connect failed: ${error instanceof Error ? error.message : String(error)}`);
      void showExplained(ui.current, explain(error, stageOf(error), kind), flow);
      return undefined;
    }
  };

  return {
    appConfig,
    oauth,
    explain,
    connect: () => guarded('oauth', () => oauth.run()),
    connectWithAccessToken: () => guarded('accessToken', () => connectWithAccessToken(services)),
    createRedirectBridge: () => createRedirectBridge(services),
    disconnect: (target) => disconnect(services, target),
    async createSession() {
      const session = await guarded('oauth', () => oauth.run());
      if (!session) throw new Error(vscode.l10n.t('Connecting to Intercom did not complete.'));
      return session;
    },
  };
}
