// The OAuth app's credentials: client id and redirect URL in user settings, the client secret only in
// SecretStorage (keyed by client id, so changing apps never pairs a secret with the wrong id).
import * as vscode from 'vscode';
import type { RegionSetting } from '../../api/hosts';
import { checkRedirectUrl, type RedirectUrlProblem } from '../../connect/authorize';
import { ConnectError } from '../../connect/errors';
import { clientSecretKey, readAppSettings, updateUserSetting } from '../../host/config';
import type { Services } from '../../host/services';

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/** SecretStorage cannot list its keys: the client ids with a stored secret are remembered here. */
const KNOWN_CLIENT_IDS = 'intercom.oauth.knownClientIds';

const redirectProblems: Record<RedirectUrlProblem, string> = {
  notUrl: vscode.l10n.t('Enter the full address, e.g. https://example.com/intercom-bridge.html'),
  credentials: vscode.l10n.t('The URL must not contain a user name or password.'),
  fragment: vscode.l10n.t('The URL must not contain a #fragment.'),
  notHttps: vscode.l10n.t('Intercom only accepts HTTPS redirect URLs (http is allowed for localhost only).'),
};

/** The values in the person's words: messages never show property names. */
const valueNames: Record<keyof AppCredentials, () => string> = {
  clientId: () => vscode.l10n.t('client ID'),
  clientSecret: () => vscode.l10n.t('client secret'),
  redirectUrl: () => vscode.l10n.t('redirect URL'),
};

export class AppConfig {
  constructor(private readonly services: Services) {}

  /** The stored credentials; undefined parts are missing. */
  async read(): Promise<Partial<AppCredentials>> {
    const { clientId, redirectUrl } = readAppSettings();
    const clientSecret = clientId ? await this.services.context.secrets.get(clientSecretKey(clientId)) : undefined;
    return { clientId, clientSecret, redirectUrl };
  }

  /** Client secrets of the other apps configured before (the webhook receiver names a delivery meant for one). */
  async otherSecrets(): Promise<string[]> {
    const { clientId } = readAppSettings();
    const ids = this.services.context.globalState.get<string[]>(KNOWN_CLIENT_IDS, []).filter((id) => id !== clientId);
    const secrets = await Promise.all(ids.map((id) => this.services.context.secrets.get(clientSecretKey(id))));
    return secrets.filter((s): s is string => Boolean(s));
  }

  private async storeSecret(clientId: string, secret: string): Promise<void> {
    await this.services.context.secrets.store(clientSecretKey(clientId), secret);
    const known = this.services.context.globalState.get<string[]>(KNOWN_CLIENT_IDS, []);
    if (!known.includes(clientId)) await this.services.context.globalState.update(KNOWN_CLIENT_IDS, [...known, clientId]);
  }

  /** Asks for whatever is missing (Connect calls this instead of failing). */
  async ensure(): Promise<AppCredentials> {
    let current = await this.read();
    if (!current.clientId || !current.clientSecret || !current.redirectUrl) {
      await this.ask({ onlyMissing: true });
      current = await this.read();
    }
    const missing = (['clientId', 'clientSecret', 'redirectUrl'] as const).filter((k) => !current[k]);
    if (missing.length > 0) throw new ConnectError('notConfigured', missing.map((k) => valueNames[k]()).join(', '));
    return current as AppCredentials;
  }

  /**
   * intercom.configureApp: asks for each value, saying where the Developer Hub shows it. All or nothing: the
   * answers are saved together after the last one, so a cancel never pairs a new client ID with an old secret.
   */
  async ask(options: { onlyMissing: boolean }): Promise<boolean> {
    const answers = await this.askAll(options.onlyMissing);
    const ui = this.services.ui.current;
    if (!answers) {
      if (!options.onlyMissing) void ui.message('info', vscode.l10n.t('Configure OAuth App was cancelled: nothing was saved.'));
      return false;
    }
    const { clientId, secret, redirectUrl, region } = answers;
    if (secret) await this.storeSecret(clientId, secret);
    await updateUserSetting('oauth.clientId', clientId);
    if (redirectUrl) await updateUserSetting('oauth.redirectUrl', redirectUrl);
    if (region) await updateUserSetting('region', region);
    this.services.log.info(`OAuth app configured (client id ${clientId}${region ? `, region ${region}` : ''})`);
    await this.services.walkthrough.mark('appConfigured');
    if (!options.onlyMissing) {
      const connect = vscode.l10n.t('Connect now');
      void ui.message('info', vscode.l10n.t('OAuth app {0} configured: its client ID, client secret, redirect URL and region were saved together.', clientId), connect).then(async (answer) => {
        if (answer === connect) await vscode.commands.executeCommand('intercom.connect');
      });
    }
    return true;
  }

  /** The answers, nothing saved yet; undefined when the person cancelled any step. */
  private async askAll(onlyMissing: boolean): Promise<{ clientId: string; secret?: string; redirectUrl?: string; region?: RegionSetting } | undefined> {
    const ui = this.services.ui.current;
    const current = await this.read();
    // Number only the steps this run asks: Connect asks just for what is missing.
    const asked = {
      clientId: !onlyMissing || !current.clientId,
      // A new client id has no stored secret, so asking for the id means asking for the secret too.
      clientSecret: !onlyMissing || !current.clientId || !current.clientSecret,
      redirectUrl: !onlyMissing || !current.redirectUrl,
      region: !onlyMissing,
    };
    const total = Object.values(asked).filter(Boolean).length;
    let done = 0;
    const step = () => (total === 1 ? vscode.l10n.t('Configure OAuth App') : vscode.l10n.t('Configure OAuth App ({0}/{1})', ++done, total));

    let clientId = current.clientId;
    if (asked.clientId || !clientId) {
      clientId = (await ui.input({
        title: step(),
        prompt: vscode.l10n.t('Client ID — Developer Hub > your app > Configure > Basic information.'),
        value: clientId,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The client ID is required.')),
      }))?.trim();
      if (!clientId) return undefined;
    }

    const hasSecret = clientId === current.clientId && current.clientSecret;
    let secret: string | undefined;
    if (asked.clientSecret) {
      secret = (await ui.input({
        title: step(),
        prompt: vscode.l10n.t('Client secret of the app with client ID {0} — Developer Hub > your app > Configure > Basic information. Stored only in VS Code\'s secret storage.', clientId),
        password: true,
        placeHolder: hasSecret ? vscode.l10n.t('Leave empty to keep the stored secret') : undefined,
        validateInput: (v) => (v.trim() || hasSecret ? undefined : vscode.l10n.t('The client secret is required.')),
      }))?.trim();
      if (secret === undefined) return undefined;
    }

    let redirectUrl: string | undefined;
    if (asked.redirectUrl) {
      const entered = await ui.input({
        title: step(),
        prompt: vscode.l10n.t('Redirect URL registered in Developer Hub > Configure > Authentication: the HTTPS address where you host the redirect bridge page ("Intercom: Create Redirect Bridge Page").'),
        value: current.redirectUrl,
        validateInput: (v) => {
          const checked = checkRedirectUrl(v);
          return 'problem' in checked ? redirectProblems[checked.problem] : undefined;
        },
      });
      if (entered === undefined) return undefined;
      const checked = checkRedirectUrl(entered);
      if ('problem' in checked) return undefined;
      redirectUrl = checked.url;
    }

    let region: RegionSetting | undefined;
    if (asked.region) {
      const regions: { label: string; value: RegionSetting; description?: string }[] = [
        { label: vscode.l10n.t('Automatic'), value: 'auto', description: vscode.l10n.t('start on US hosts; the workspace\'s region decides') },
        { label: 'US', value: 'us' },
        { label: vscode.l10n.t('Europe'), value: 'eu' },
        { label: vscode.l10n.t('Australia'), value: 'au' },
      ];
      const picked = await ui.pick(regions, { title: step(), placeHolder: vscode.l10n.t('Region of the workspaces you connect (development workspaces are US)') });
      if (!picked) return undefined;
      region = picked.value;
    }
    return { clientId, secret, redirectUrl, region };
  }
}
