// Private apps "use Access Tokens and do not need OAuth": the token is checked with /me (same
// impersonation guard) and stored like an OAuth session.
import * as vscode from 'vscode';
import { startHosts } from '../../api/hosts';
import { readSettings } from '../../host/config';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';
import { establishSession } from './establish';

export async function connectWithAccessToken(services: Services): Promise<IntercomSession | undefined> {
  const token = (await services.ui.current.input({
    title: vscode.l10n.t('Connect with Access Token'),
    prompt: vscode.l10n.t('Access Token — Developer Hub > your app > Configure > Authentication. Stored only in VS Code\'s secret storage.'),
    password: true,
    validateInput: (v) => (/\s/.test(v.trim()) ? vscode.l10n.t('A token has no spaces.') : v.trim() ? undefined : vscode.l10n.t('Paste the access token.')),
  }))?.trim();
  if (!token) return undefined;
  const { region, overrides } = readSettings();
  return services.ui.current.progress(vscode.l10n.t('Checking the access token…'), (_progress, cancel) => {
    const abort = new AbortController();
    cancel.onCancellationRequested(() => abort.abort());
    return establishSession(services, token, 'accessToken', startHosts(region, overrides).apiBase, abort.signal);
  });
}
