// Composition root of Connect: commands, the URI handler (registered once) and the authentication provider.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import type { IntercomSession, TokenKind } from '../../session/model';
import type { Services } from '../../services';
import { createRedirectBridge } from '../bridge/createBridge';
import { connectWithAccessToken } from './accessToken';
import { AppConfig } from './appConfig';
import { AUTH_PROVIDER_ID, IntercomAuthenticationProvider } from './authProvider';
import { disconnect } from './disconnect';
import { explain, showExplained, type Stage } from './messages';
import { OAuthConnect, PASTE_CALLBACK_COMMAND } from './oauth';

export interface ConnectFeature {
  oauth: OAuthConnect;
}

function stageOf(error: unknown): Stage {
  const path = isIntercomError(error) ? error.details.path : undefined;
  return path === '/auth/eagle/token' ? 'exchange' : path === '/me' ? 'me' : 'request';
}

export function activateConnect(services: Services): ConnectFeature {
  const { context, ui } = services;
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

  const provider = new IntercomAuthenticationProvider(services.sessions, async () => {
    const session = await guarded('oauth', () => oauth.run());
    if (!session) throw new Error(vscode.l10n.t('Connecting to Intercom did not complete.'));
    return session;
  });

  context.subscriptions.push(
    vscode.window.registerUriHandler(oauth),
    provider,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Intercom', provider, { supportsMultipleAccounts: true }),
    vscode.commands.registerCommand('intercom.connect', () => guarded('oauth', () => oauth.run())),
    vscode.commands.registerCommand('intercom.connectWithAccessToken', () => guarded('accessToken', () => connectWithAccessToken(services))),
    vscode.commands.registerCommand(PASTE_CALLBACK_COMMAND, () => oauth.pasteCallback()),
    vscode.commands.registerCommand('intercom.configureApp', () => appConfig.ask({ onlyMissing: false })),
    vscode.commands.registerCommand('intercom.createRedirectBridge', () => createRedirectBridge(services)),
    vscode.commands.registerCommand('intercom.disconnect', (target?: unknown) => disconnect(services, target)),
  );
  // Steps done before (in an earlier version or another window) show as complete in the walkthrough too.
  void appConfig.read().then((c) => (c.clientId && c.clientSecret && c.redirectUrl ? services.walkthrough.mark('appConfigured') : undefined));
  void services.sessions.list().then((all) => (all.length > 0 ? services.walkthrough.mark('connected') : undefined));
  return { oauth };
}
