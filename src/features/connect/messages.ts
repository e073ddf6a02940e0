// Turns a failed Connect, refresh or revoke into a message that says what happened and what to do
// next, with the actions that fix it. Never includes a token, secret or code.
import * as vscode from 'vscode';
import { isIntercomError, type IntercomError } from '../../api/errors';
import { ConnectError } from '../../connect/errors';
import type { TokenKind } from '../../session/model';

export const Actions = {
  connectAgain: vscode.l10n.t('Connect Again'),
  connectWithAccessToken: vscode.l10n.t('Connect with Access Token'),
  configureApp: vscode.l10n.t('Configure OAuth App'),
  showLog: vscode.l10n.t('Show Log'),
  openSettings: vscode.l10n.t('Open Settings'),
  retry: vscode.l10n.t('Retry'),
};

export type Stage = 'exchange' | 'me' | 'revoke' | 'request';

export interface Explained {
  level: 'info' | 'warning' | 'error';
  text: string;
  actions: string[];
}

/** `token`: the kind of token the request used; an Access Token is renewed in the Developer Hub, not by Connect. */
export function explainIntercomError(error: IntercomError, stage: Stage, token: TokenKind = 'oauth'): Explained {
  const d = error.details;
  const host = d.host ?? vscode.l10n.t('Intercom');
  // " (401 Unauthorized Code)": what Intercom said, for the person and for a support ticket.
  const said = d.status !== undefined || d.intercomMessage ? ` (${[d.status, d.intercomMessage].filter((x) => x !== undefined).join(' ')})` : '';
  switch (error.kind) {
    case 'unauthorized':
      if (stage === 'exchange') {
        return {
          level: 'error',
          text: vscode.l10n.t("Intercom refused the authorization code{0}. Known causes: the code was altered on its way (its trailing '=' dropped), or it is older than about 5 minutes. Also check that the client secret belongs to this client ID. Connect again to get a fresh code.", said),
          actions: [Actions.connectAgain, Actions.configureApp],
        };
      }
      if (token === 'accessToken') {
        return {
          level: 'error',
          text: vscode.l10n.t('Intercom rejected the access token{0}: it was revoked, or it belongs to another app or region. Copy the current one from Developer Hub > your app > Configure > Authentication (Access Token), then use "Connect with Access Token".', said),
          actions: [Actions.connectWithAccessToken],
        };
      }
      return {
        level: 'error',
        text: vscode.l10n.t('Intercom rejected the access token{0}: it was revoked, or it belongs to another app or region. Connect again to get a new token.', said),
        actions: [Actions.connectAgain],
      };
    case 'forbidden':
      return {
        level: 'error',
        text: stage === 'me'
          ? vscode.l10n.t('The token may not read the admin and workspace (GET /me){0}. Tick "Read admins" in the Developer Hub (Configure > Authentication > Permissions), then connect again.', said)
          : vscode.l10n.t('Intercom refused the request{0}: the app lacks a permission scope.', said),
        actions: [Actions.connectAgain],
      };
    case 'rateLimited':
      return {
        level: 'warning',
        text: d.retryAt
          ? vscode.l10n.t('Intercom is rate limiting this app{0}. Try again after {1}.', said, d.retryAt.toLocaleTimeString())
          : vscode.l10n.t('Intercom is rate limiting this app{0}. Try again in a minute.', said),
        actions: [Actions.retry],
      };
    case 'server':
      return {
        level: 'error',
        text: vscode.l10n.t('Intercom answered with a server error{0}. Try again in a minute; if it persists, see https://www.intercomstatus.com.', said),
        actions: [Actions.retry, Actions.showLog],
      };
    case 'invalidResponse':
      if (d.unexpected === 'redirect') {
        return {
          level: 'error',
          text: vscode.l10n.t('{0} answered with a redirect ({1}) instead of Intercom\'s API. Requests to Intercom never follow redirects, so nothing was sent to the address it named. Check intercom.advanced.apiBaseUrl and your proxy.', host, String(d.status)),
          actions: [Actions.openSettings, Actions.showLog],
        };
      }
      if (d.unexpected === 'tooLarge') {
        return {
          level: 'error',
          text: vscode.l10n.t('{0} answered with more than 1 MiB, far more than any answer of Intercom\'s API, so it was not read. Check intercom.advanced.apiBaseUrl and your proxy.', host),
          actions: [Actions.openSettings, Actions.showLog],
        };
      }
      return {
        level: 'error',
        text: vscode.l10n.t('{0} did not answer like Intercom\'s API{1} (for example an HTML error page from a proxy). Check your proxy and intercom.advanced.apiBaseUrl.', host, said),
        actions: [Actions.retry, Actions.showLog, Actions.openSettings],
      };
    case 'timeout':
      return {
        level: 'error',
        text: vscode.l10n.t('{0} did not answer in time. Check your network or proxy, or raise intercom.advanced.requestTimeoutSeconds.', host),
        actions: [Actions.retry, Actions.showLog],
      };
    case 'network':
      return {
        level: 'error',
        text: vscode.l10n.t('Could not reach {0}{1}. Check your network connection or proxy (http.proxy), then try again.', host, d.code ? ` (${d.code})` : ''),
        actions: [Actions.retry, Actions.showLog],
      };
    case 'cancelled':
      return { level: 'info', text: vscode.l10n.t('Cancelled.'), actions: [] };
    default:
      return {
        level: 'error',
        text: vscode.l10n.t('Intercom answered {0} to {1} {2}{3}.', String(d.status ?? '?'), d.method, d.path, d.intercomMessage ? `: ${d.intercomMessage}` : ''),
        actions: [Actions.showLog],
      };
  }
}

export function explainConnectError(error: ConnectError): Explained {
  switch (error.failure) {
    case 'cancelled':
      return { level: 'info', text: vscode.l10n.t('Connect to Intercom cancelled.'), actions: [] };
    case 'timedOut':
      return {
        level: 'warning',
        text: vscode.l10n.t('No answer came back from the browser in time. Connect again; if the browser does not open VS Code, use the "Paste the callback URL" link in the progress notification while Connect waits.'),
        actions: [Actions.connectAgain],
      };
    case 'denied':
      return {
        level: 'warning',
        text: error.detail === 'access_denied'
          ? vscode.l10n.t('Access was not granted in Intercom (access_denied). Connect again and choose to authorize the app.')
          : vscode.l10n.t('Intercom did not authorize the app ({0}). Connect again.', error.detail ?? ''),
        actions: [Actions.connectAgain],
      };
    case 'badCallback':
      return {
        level: 'error',
        text: vscode.l10n.t('The callback did not carry Intercom\'s answer. Host the page made by "Intercom: Create Redirect Bridge Page" at your redirect URL, then connect again.'),
        actions: [Actions.connectAgain],
      };
    case 'unverifiedEmail':
      return {
        level: 'error',
        text: vscode.l10n.t('Connection refused: Intercom reports that the admin email {0} is not verified. An unverified email can be set by anyone, so trusting it could let someone impersonate that admin. Verify the email in Intercom, or allow it with the setting intercom.allowUnverifiedEmail.', error.detail ?? ''),
        actions: [Actions.openSettings],
      };
    case 'notConfigured':
      return {
        level: 'warning',
        text: vscode.l10n.t('Connect needs the OAuth app\'s client ID, client secret and redirect URL ({0} missing).', error.detail ?? ''),
        actions: [Actions.configureApp],
      };
  }
}

export function explain(error: unknown, stage: Stage, token?: TokenKind): Explained {
  if (isIntercomError(error)) return explainIntercomError(error, stage, token);
  if (error instanceof ConnectError) return explainConnectError(error);
  return { level: 'error', text: vscode.l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)), actions: [Actions.showLog] };
}

/** Shows the explanation and runs the action the person picks. */
export async function showExplained(ui: { message(level: Explained['level'], text: string, ...actions: string[]): Thenable<string | undefined> }, explained: Explained, retry?: () => unknown): Promise<void> {
  const action = await ui.message(explained.level, explained.text, ...explained.actions);
  switch (action) {
    case Actions.connectAgain:
      await vscode.commands.executeCommand('intercom.connect');
      break;
    case Actions.connectWithAccessToken:
      await vscode.commands.executeCommand('intercom.connectWithAccessToken');
      break;
    case Actions.configureApp:
      await vscode.commands.executeCommand('intercom.configureApp');
      break;
    case Actions.showLog:
      await vscode.commands.executeCommand('intercom.showLog');
      break;
    case Actions.openSettings:
      await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:seedworks.intercom-devtools');
      break;
    case Actions.retry:
      await retry?.();
      break;
  }
}
