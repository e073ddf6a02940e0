// OAuth: the consent page (GET /oauth), its form target (POST /oauth/decision) and the token exchange
// (POST /auth/eagle/token), as Intercom's "Setting up OAuth" guide describes them.
import type { Ctx } from '../context';
import { escapeHtml } from '../http';
import { ALL_SCOPES } from '../scopes';

export const DECISION_PATH = '/oauth/decision';
export const DENIED_DESCRIPTION = 'The user denied access to your app';

interface Authorize {
  clientId: string;
  appName: string;
  redirectUri: string;
  state: string | undefined;
}

/** Validates client_id and redirect_uri; on failure answers with a 400 page and returns undefined. */
function checkAuthorize(ctx: Ctx, params: { clientId?: string; redirectUri?: string; state?: string }): Authorize | undefined {
  const client = params.clientId ? ctx.state.clients.get(params.clientId) : undefined;
  if (!client) {
    ctx.html(400, 'Intercom – Unknown app', `<h1>Unknown app</h1>
<p>No app with client_id <code>${escapeHtml(params.clientId ?? '(missing)')}</code> exists. Check the client ID on your app's Basic Information page in the Developer Hub.</p>`);
    return undefined;
  }
  const redirectUri = params.redirectUri || client.redirectUrls[0];
  if (!client.redirectUrls.includes(redirectUri)) {
    ctx.html(400, 'Intercom – Invalid redirect URL', `<h1>Invalid redirect URL</h1>
<p>The redirect_uri <code>${escapeHtml(redirectUri)}</code> is not registered for ${escapeHtml(client.appName)}. Add it under Authentication → Redirect URLs in the Developer Hub.</p>`);
    return undefined;
  }
  return { clientId: client.clientId, appName: client.appName, redirectUri, state: params.state };
}

/** 302 to the redirect URL with code+state (approve) or error+error_description+state (deny), merged into its query. */
function decide(ctx: Ctx, auth: Authorize, approve: boolean): void {
  const target = new URL(auth.redirectUri);
  if (approve) {
    target.searchParams.set('code', ctx.state.issueCode(auth.clientId, auth.redirectUri));
  } else {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_description', DENIED_DESCRIPTION);
  }
  if (auth.state !== undefined) target.searchParams.set('state', auth.state);
  ctx.redirect(target);
}

export function getOauth(ctx: Ctx): void {
  const q = ctx.url.searchParams;
  const auth = checkAuthorize(ctx, {
    clientId: q.get('client_id') ?? undefined,
    redirectUri: q.get('redirect_uri') ?? undefined,
    state: q.get('state') ?? undefined,
  });
  if (!auth) return;
  if (ctx.state.consent !== 'page') return decide(ctx, auth, ctx.state.consent === 'approve');

  const me = ctx.state.nextGrant.me;
  const workspace = me.app?.name ?? '(unnamed)';
  const who = [me.name, me.email ? `(${me.email})` : ''].filter(Boolean).join(' ');
  const scopes = ctx.state.nextGrant.scopes ?? ALL_SCOPES;
  const hidden = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  ctx.html(200, `Intercom – Authorize ${auth.appName}`, `<h1>Authorize ${escapeHtml(auth.appName)}</h1>
<p><strong>${escapeHtml(auth.appName)}</strong> would like to access your Intercom workspace <strong>${escapeHtml(workspace)}</strong>${who ? ` as ${escapeHtml(who)}` : ''}.</p>
<p>It will be able to:</p>
<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<!-- relative: code-server serves loopback pages opened from the editor under /proxy/<port>/ -->
<form method="post" action="oauth/decision">
${hidden('client_id', auth.clientId)}
${hidden('redirect_uri', auth.redirectUri)}
${hidden('state', auth.state)}
<button class="primary" type="submit" name="decision" value="approve">Authorize access</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>
<p class="note">Fake Intercom for tests (127.0.0.1). Redirects to ${escapeHtml(auth.redirectUri)}</p>`);
}

export function postDecision(ctx: Ctx): void {
  const auth = checkAuthorize(ctx, {
    clientId: ctx.field('client_id'),
    redirectUri: ctx.field('redirect_uri'),
    state: ctx.field('state'),
  });
  if (auth) decide(ctx, auth, ctx.field('decision') === 'approve');
}

export const UNAUTHORIZED_CODE = 'Unauthorized Code';

export function postToken(ctx: Ctx): void {
  const code = ctx.field('code');
  const clientId = ctx.field('client_id');
  const clientSecret = ctx.field('client_secret');
  const token = code && clientId && clientSecret ? ctx.state.redeemCode(code, clientId, clientSecret) : undefined;
  if (!token) return ctx.error(401, 'unauthorized', UNAUTHORIZED_CODE);
  ctx.json(200, { token_type: 'Bearer', token: token.token, access_token: token.token });
}
