// Token → GET /me → impersonation guard → session in SecretStorage. Shared by OAuth and Access Token.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { apiBaseForRegion, regionFromMe } from '../../api/hosts';
import { ConnectError } from '../../connect/errors';
import { readSettings } from '../../host/config';
import { accountOf, type IntercomSession, type TokenKind } from '../../session/model';
import type { Services } from '../../host/services';

export async function establishSession(
  services: Services,
  token: string,
  kind: TokenKind,
  apiBase: string,
  signal?: AbortSignal,
): Promise<IntercomSession> {
  const settings = readSettings();
  const me = await services.http().getMe({ apiBase, token, version: settings.apiVersion, signal });
  if (me.email_verified !== true) {
    // Three of Intercom's four official OAuth libraries refuse unverified emails by default.
    if (!settings.allowUnverifiedEmail) throw new ConnectError('unverifiedEmail', me.email ?? me.id);
    void services.ui.current.message('warning', vscode.l10n.t(
      'Connected although Intercom reports that {0} is not verified (intercom.allowUnverifiedEmail is on). Do not use this token to identify the admin.',
      me.email ?? me.id,
    ));
  }
  const region = regionFromMe(me.app?.region);
  if (!region && me.app?.region) services.log.warn(`Unknown region "${me.app.region}" from /me; keeping ${new URL(apiBase).host}`);
  const now = new Date().toISOString();
  const session: IntercomSession = {
    id: randomUUID(),
    accessToken: token,
    kind,
    account: accountOf(me),
    region: region ?? null,
    apiBase: apiBaseForRegion(region, apiBase, settings.overrides),
    createdAt: now,
    me,
    meFetchedAt: now,
  };
  await services.sessions.save(session);
  services.log.info(`Connected ${session.account.id} (${kind}, ${new URL(session.apiBase).host})`);
  return session;
}
