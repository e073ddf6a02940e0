// Composition root of Connect: commands, the URI handler (registered once) and the authentication provider.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../services';
import { createRedirectBridge } from '../bridge/createBridge';
import { connectWithAccessToken } from './accessToken';
import { AppConfig } from './appConfig';
import { AUTH_PROVIDER_ID, IntercomAuthenticationProvider } from './authProvider';
import { disconnect } from './disconnect';
import { explain, showExplained, type Stage } from './messages';
import { OAuthConnect } from './oauth';

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
  const guarded = async (flow: () => Promise<IntercomSession | undefined>): Promise<IntercomSession | undefined> => {
    try {
      const session = await flow();
      if (session) void ui.current.message('info', vscode.l10n.t('Connected to {0}.', session.account.label));
      return session;
    } catch (error) {
      services.log.warn(`Connect failed: ${error instanceof Error ? error.message : String(error)}`);
      void showExplained(ui.current, explain(error, stageOf(error)), flow);
      return undefined;
    }
  };

  const provider = new IntercomAuthenticationProvider(services.sessions, async () => {
    const session = await guarded(() => oauth.run());
    if (!session) throw new Error(vscode.l10n.t('Connecting to Intercom did not complete.'));
    return session;
  });

  context.subscriptions.push(
    vscode.window.registerUriHandler(oauth),
    provider,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Intercom', provider, { supportsMultipleAccounts: true }),
    vscode.commands.registerCommand('intercom.connect', () => guarded(() => oauth.run())),
    vscode.commands.registerCommand('intercom.connectWithAccessToken', () => guarded(() => connectWithAccessToken(services))),
    vscode.commands.registerCommand('intercom.configureApp', () => appConfig.ask({ onlyMissing: false })),
    vscode.commands.registerCommand('intercom.createRedirectBridge', () => createRedirectBridge(services)),
    vscode.commands.registerCommand('intercom.disconnect', (target?: unknown) => disconnect(services, target)),
  );
  return { oauth };
}
