// Composition root of Connect: commands, the URI handler (registered once) and the authentication provider.
// The flows behind them are loaded on their first use (./load), never at activation.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import { clientSecretKey, readSettings } from '../../config';
import type { IntercomSession, TokenKind } from '../../session/model';
import type { Services } from '../../services';
import { AUTH_PROVIDER_ID, IntercomAuthenticationProvider } from './authProvider';
import { PASTE_CALLBACK_COMMAND } from './commandIds';
import type { ConnectFlows } from './flows';
import { loadConnectFlows } from './load';
import type { Stage } from './messages';
import type { OAuthConnect } from './oauth';

export interface ConnectFeature {
  /** Reading it loads the flows. */
  readonly oauth: OAuthConnect;
}

/** Ticks the walkthrough steps an earlier version or another window already did, without loading the flows. */
async function markStepsDoneBefore(services: Services): Promise<void> {
  const { clientId, redirectUrl } = readSettings();
  if (clientId && redirectUrl && (await services.context.secrets.get(clientSecretKey(clientId)))) await services.walkthrough.mark('appConfigured');
  if ((await services.sessions.list()).length > 0) await services.walkthrough.mark('connected');
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
      const { explain, showExplained } = loadConnectFlows();
      void showExplained(ui.current, explain(error, stageOf(error), kind), flow);
      return undefined;
    }
  };

  const provider = new IntercomAuthenticationProvider(services.sessions, async () => {
    const session = await guarded('oauth', () => flows().oauth.run());
    if (!session) throw new Error(vscode.l10n.t('Connecting to Intercom did not complete.'));
    return session;
  });

  context.subscriptions.push(
    vscode.window.registerUriHandler({ handleUri: (uri) => flows().oauth.handleUri(uri) }),
    provider,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Intercom', provider, { supportsMultipleAccounts: true }),
    vscode.commands.registerCommand('intercom.connect', () => guarded('oauth', () => flows().oauth.run())),
    vscode.commands.registerCommand('intercom.connectWithAccessToken', () => guarded('accessToken', () => loadConnectFlows().connectWithAccessToken(services))),
    vscode.commands.registerCommand(PASTE_CALLBACK_COMMAND, () => flows().oauth.pasteCallback()),
    vscode.commands.registerCommand('intercom.configureApp', () => flows().appConfig.ask({ onlyMissing: false })),
    vscode.commands.registerCommand('intercom.createRedirectBridge', () => loadConnectFlows().createRedirectBridge(services)),
    vscode.commands.registerCommand('intercom.disconnect', (target?: unknown) => loadConnectFlows().disconnect(services, target)),
  );
  // Steps done before (in an earlier version or another window) show as complete in the walkthrough too.
  // Read after activation: the first settings read costs milliseconds that activation need not wait for.
  const timer = setTimeout(() => void markStepsDoneBefore(services), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return { get oauth() { return flows().oauth; } };
}
