// Disconnect: removes sessions from SecretStorage; for OAuth tokens it offers to revoke access too
// (POST /auth/uninstall), and reports what happened to each.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import { readSettings } from '../../host/config';
import type { Services } from '../../host/services';
import { resolveSessions } from '../session/resolve';
import { explainIntercomError } from './messages';

/** Disconnects the session `target` names (see resolveSessions), or the ones the person picks. */
export async function disconnect(services: Services, target?: unknown): Promise<void> {
  const { ui, sessions, log } = services;
  const chosen = await resolveSessions(services, target, { title: vscode.l10n.t('Disconnect'), unnamed: 'pickOrAll' });
  if (chosen.length === 0) return;

  const names = chosen.map((s) => s.account.label).join(', ');
  const removeOnly = vscode.l10n.t('Disconnect');
  const alsoRevoke = vscode.l10n.t('Also Revoke Access');
  const oauth = chosen.filter((s) => s.kind === 'oauth');
  const answer = await ui.current.message(
    'warning',
    oauth.length > 0
      ? vscode.l10n.t('Disconnect {0}? "Also Revoke Access" uninstalls the app from the workspace so the token stops working everywhere.', names)
      : vscode.l10n.t('Disconnect {0}? The access token itself stays valid; revoke it in the Developer Hub if needed.', names),
    ...(oauth.length > 0 ? [removeOnly, alsoRevoke] : [removeOnly]),
  );
  if (answer !== removeOnly && answer !== alsoRevoke) return;

  const reports: string[] = [];
  let revokeFailed = false;
  if (answer === alsoRevoke) {
    const { apiVersion } = readSettings();
    for (const s of oauth) {
      try {
        await services.http().revoke({ apiBase: s.apiBase, token: s.accessToken, version: apiVersion });
        reports.push(vscode.l10n.t('access revoked for {0}', s.account.label));
      } catch (e) {
        revokeFailed = true;
        const why = isIntercomError(e) ? explainIntercomError(e, 'revoke').text : String(e);
        reports.push(vscode.l10n.t('could not revoke access for {0}: {1}', s.account.label, why));
      }
    }
  }
  await sessions.remove(chosen.map((s) => s.id));
  log.info(`Disconnected ${chosen.map((s) => s.account.id).join(', ')}${answer === alsoRevoke ? ' (revoke requested)' : ''}`);
  void ui.current.message(
    revokeFailed ? 'warning' : 'info',
    [vscode.l10n.t('Disconnected {0}.', names), ...reports].join(' '),
  );
}
