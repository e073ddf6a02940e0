// Composition root of Connect: commands, the URI handler (registered once) and the authentication provider.
// The flows behind them are loaded on their first use (./load), never at activation.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../services';
import { AUTH_PROVIDER_ID, IntercomAuthenticationProvider } from './authProvider';
import type { ConnectFlows } from './flows';
import { loadConnectFlows } from './load';
import type { Stage } from './messages';
import type { OAuthConnect } from './oauth';

export interface ConnectFeature {
  /** Reading it loads the flows. */
  readonly oauth: OAuthConnect;
}

function stageOf(error: unknown): Stage {
  const path = isIntercomError(error) ? error.details.path : undefined;
  return path === '/auth/eagle/token' ? 'exchange' : path === '/me' ? 'me' : 'request';
}

export function activateConnect(services: Services): ConnectFeature {
  const { context, ui } = services;
  let created: ConnectFlows | undefined;
  const flows = () => (created ??= loadConnectFlows().createConnectFlows(services));

  /** Runs a connect flow; failures are explained to the person and resolve to undefined. */
  const guarded = async (flow: () => Promise<IntercomSession | undefined>): Promise<IntercomSession | undefined> => {
    try {
      const session = await flow();
      if (session) void ui.current.message('info', vscode.l10n.t('Connected to {0}.', session.account.label));
      return session;
    } catch (error) {
      services.log.warn(`Connect failed: ${error instanceof Error ? error.message : String(error)}`);
      const { explain, showExplained } = loadConnectFlows();
      void showExplained(ui.current, explain(error, stageOf(error)), flow);
      return undefined;
    }
  };

  const provider = new IntercomAuthenticationProvider(services.sessions, async () => {
    const session = await guarded(() => flows().oauth.run());
    if (!session) throw new Error(vscode.l10n.t('Connecting to Intercom did not complete.'));
    return session;
  });

  context.subscriptions.push(
    vscode.window.registerUriHandler({ handleUri: (uri) => flows().oauth.handleUri(uri) }),
    provider,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Intercom', provider, { supportsMultipleAccounts: true }),
    vscode.commands.registerCommand('intercom.connect', () => guarded(() => flows().oauth.run())),
    vscode.commands.registerCommand('intercom.connectWithAccessToken', () => guarded(() => loadConnectFlows().connectWithAccessToken(services))),
    vscode.commands.registerCommand('intercom.configureApp', () => flows().appConfig.ask({ onlyMissing: false })),
    vscode.commands.registerCommand('intercom.createRedirectBridge', () => loadConnectFlows().createRedirectBridge(services)),
    vscode.commands.registerCommand('intercom.disconnect', (target?: string | { sessionId?: string }) =>
      loadConnectFlows().disconnect(services, typeof target === 'string' ? target : target?.sessionId)),
  );
  return { get oauth() { return flows().oauth; } };
}
