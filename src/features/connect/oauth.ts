// Intercom's OAuth authorization-code flow, driven from the editor:
// consent page in the browser → Intercom redirects to the user's HTTPS bridge page → the bridge
// forwards to the editor's callback URI (asExternalUri) → this URI handler → code exchange → /me.
import * as vscode from 'vscode';
import { startHosts } from '../../api/hosts';
import { authorizeUrl } from '../../connect/authorize';
import { parseCallbackQuery, parseCallbackUrl, type ParsedCallback } from '../../connect/callback';
import { ConnectError } from '../../connect/errors';
import { PendingConnects, type Delivery } from '../../connect/pending';
import type { CallbackPayload } from '../../connect/uriPayload';
import { readSettings } from '../../host/config';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';
import type { AppConfig } from './appConfig';
import { PASTE_CALLBACK_COMMAND } from './commandIds';
import { establishSession } from './establish';
import { Actions } from './messages';

export const CALLBACK_PATH = '/callback';
/** Offered as a link in the progress notification, which closes with the Connect (a message would stay). */
const INVALID_CALLBACK = 'invalid_callback';

export class OAuthConnect implements vscode.UriHandler {
  readonly pending = new PendingConnects();
  /** How long Connect waits for the browser (tests shorten it). */
  timeoutMs = 5 * 60 * 1000;

  constructor(private readonly services: Services, private readonly appConfig: AppConfig) {}

  async run(): Promise<IntercomSession> {
    const { services } = this;
    const credentials = await this.appConfig.ensure();
    const hosts = startHosts(readSettings().region, readSettings().overrides);
    const connect = this.pending.start();
    let closeReason: 'cancelled' | 'timedOut' = 'cancelled';
    try {
      const callbackUri = await vscode.env.asExternalUri(
        vscode.Uri.parse(`${vscode.env.uriScheme}://${services.context.extension.id}${CALLBACK_PATH}?nonce=${connect.nonce}`),
      );
      const url = authorizeUrl({
        appBase: hosts.appBase,
        clientId: credentials.clientId,
        // toString(true): the callback's own query is already encoded; encoding again would mangle it.
        callbackUrl: callbackUri.toString(true),
        redirectUrl: credentials.redirectUrl,
      });
      return await services.ui.current.progress(vscode.l10n.t('Connecting to Intercom'), async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        services.log.info(`Opening Intercom's consent page on ${new URL(hosts.appBase).host}`);
        await vscode.env.openExternal(vscode.Uri.parse(url));
        // "Having trouble?": the browser may not hand the URI to the editor; the bridge page shows it for pasting.
        progress.report({
          message: vscode.l10n.t('Waiting for Intercom in your browser (approve access there). Having trouble? [Paste the callback URL]({0}) the bridge page shows.', `command:${PASTE_CALLBACK_COMMAND}`),
        });
        const payload = await this.waitForCallback(connect.callback, token, () => (closeReason = 'timedOut'));
        if ('error' in payload) throw new ConnectError(payload.error === INVALID_CALLBACK ? 'badCallback' : 'denied', payload.error);
        progress.report({ message: vscode.l10n.t('Exchanging the authorization code…') });
        const accessToken = await services.http().exchangeCode(hosts.apiBase, {
          code: payload.code,
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
        }, abort.signal);
        progress.report({ message: vscode.l10n.t('Reading the workspace…') });
        return establishSession(services, accessToken, 'oauth', hosts.apiBase, abort.signal);
      });
    } finally {
      connect.close(closeReason);
    }
  }

  private waitForCallback(callback: Promise<CallbackPayload>, token: vscode.CancellationToken, onTimeout: () => void): Promise<CallbackPayload> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        onTimeout();
        reject(new ConnectError('timedOut'));
      }, this.timeoutMs);
      const cancel = token.onCancellationRequested(() => reject(new ConnectError('cancelled')));
      // The callback never rejects (connect/pending.ts).
      void callback.then(resolve).finally(() => {
        clearTimeout(timer);
        cancel.dispose();
      });
    });
  }

  async pasteCallback(): Promise<Delivery | undefined> {
    const text = await this.services.ui.current.input({
      title: vscode.l10n.t('Paste Callback URL'),
      prompt: vscode.l10n.t('The full URL the redirect bridge page shows under "VS Code did not open?"'),
      validateInput: (v) => (parseCallbackUrl(v)?.nonce ? undefined : vscode.l10n.t('This is not a callback URL from the bridge page (it has no nonce).')),
    });
    const parsed = text === undefined ? undefined : parseCallbackUrl(text);
    return parsed && this.receive(parsed);
  }

  handleUri(uri: vscode.Uri): void {
    if (uri.path !== CALLBACK_PATH) {
      this.services.log.warn(`Ignored a URI for path ${uri.path}`);
      return;
    }
    this.receive(parseCallbackQuery(uri.query));
  }

  private receive(parsed: ParsedCallback): Delivery {
    const { log, ui } = this.services;
    const delivery = this.pending.deliver(parsed.nonce, parsed.payload ?? { error: INVALID_CALLBACK });
    const again = () => ui.current
      .message('warning', texts[delivery.status as keyof typeof texts], Actions.connectAgain)
      .then((a) => (a === Actions.connectAgain ? vscode.commands.executeCommand('intercom.connect') : undefined));
    switch (delivery.status) {
      case 'delivered':
        log.info(parsed.problem ? `Callback received without a readable answer (${parsed.problem})` : 'Callback received');
        break;
      case 'unknown':
        // Not ours, or from a Connect started in another window or before a reload: not an error.
        log.warn('Ignored a callback whose nonce belongs to no Connect in this window');
        break;
      case 'closed':
        log.warn(`Ignored a callback for a Connect that ${delivery.reason === 'timedOut' ? 'timed out' : 'was cancelled'}`);
        void again();
        break;
      default:
        log.warn(`Refused a callback: nonce ${delivery.status}`);
        void again();
    }
    return delivery;
  }
}

const texts = {
  missing: vscode.l10n.t('Ignored a callback without a nonce. Start from "Intercom: Connect"; if you paste, paste the whole callback URL.'),
  expired: vscode.l10n.t('This callback belongs to a Connect that expired (after 10 minutes). Connect again.'),
  replayed: vscode.l10n.t('This callback was already used: each Connect link works once. Connect again.'),
  closed: vscode.l10n.t('This callback belongs to a Connect that was cancelled or timed out. Connect again.'),
};
