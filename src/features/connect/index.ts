// Composition root of Connect: its commands and the URI handler, and the session the authentication
// provider asks for. The flows behind them are loaded on their first use (./load).
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import type { IntercomSession, TokenKind } from '../../session/model';
import type { Services } from '../../services';
import { PASTE_CALLBACK_COMMAND } from './commandIds';
import type { ConnectFlows } from './flows';
import { loadConnectFlows } from './load';
import type { Stage } from './messages';
import type { OAuthConnect } from './oauth';

export interface ConnectFeature {
  /** Reading it loads the flows. */
  readonly oauth: OAuthConnect;
  /** The OAuth Connect the authentication provider runs when another extension asks for a session. */
  createSession(): Promise<IntercomSession>;
}

function stageOf(error: unknown): Stage {
  const path = isIntercomError(error) ? error.details.path : undefined;
  return path === '/auth/eagle/token' ? 'exchange' : path === '/me' ? 'me' : 'request';
}

export function activateConnect(services: Services): ConnectFeature {
  const { context, ui, register } = services;
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

  register.uriHandler({ handleUri: (uri) => flows().oauth.handleUri(uri) });
  context.subscriptions.push(
    register.command('intercom.connect', () => guarded('oauth', () => flows().oauth.run())),
    register.command('intercom.connectWithAccessToken', () => guarded('accessToken', () => loadConnectFlows().connectWithAccessToken(services))),
    register.command(PASTE_CALLBACK_COMMAND, () => flows().oauth.pasteCallback()),
    register.command('intercom.configureApp', () => flows().appConfig.ask({ onlyMissing: false })),
    register.command('intercom.createRedirectBridge', () => loadConnectFlows().createRedirectBridge(services)),
    register.command('intercom.disconnect', (target?: unknown) => loadConnectFlows().disconnect(services, target)),
  );
  return {
    get oauth() { return flows().oauth; },
    async createSession() {
      const session = await guarded('oauth', () => flows().oauth.run());
      if (!session) throw new Error(vscode.l10n.t('Connecting to Intercom did not complete.'));
      return session;
    },
  };
}
