// Bearer-authenticated REST routes: GET /me, POST /auth/uninstall, the read-only list endpoints, one contact,
// creating a tag (the write the API explorer's tests send), avatars.
import type { Ctx } from '../context';
import { send } from '../http';
import { avatarPng } from '../png';
import { ALL_SCOPES, ROUTE_SCOPES, SCOPES, scopeMessage } from '../scopes';
import type { TokenInfo } from '../types';
import { contacts, listBody } from './lists';

export const ACCESS_TOKEN_INVALID = 'Access Token Invalid';
export const TOKEN_REVOKED = 'Token has been revoked';

/** The token from `Authorization: Bearer T` (or Basic with the token as user name, as older clients send). */
export function bearerToken(ctx: Ctx): string | undefined {
  const header = ctx.req.headers.authorization ?? '';
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) return Buffer.from(value, 'base64').toString('utf8').split(':')[0] || undefined;
  return undefined;
}

/** The caller's token, or undefined after answering 401 (unknown: unauthorized; revoked: token_revoked). */
function authenticate(ctx: Ctx): TokenInfo | undefined {
  const value = bearerToken(ctx);
  const info = value ? ctx.state.tokens.get(value) : undefined;
  if (!info) {
    ctx.error(401, 'unauthorized', ACCESS_TOKEN_INVALID);
    return undefined;
  }
  if (info.revoked) {
    ctx.error(401, 'token_revoked', TOKEN_REVOKED);
    return undefined;
  }
  return info;
}

export function getMe(ctx: Ctx): void {
  const info = authenticate(ctx);
  if (!info) return;
  const me = structuredClone(info.profile.me);
  const imageUrl = me.avatar?.image_url;
  if (me.avatar && typeof imageUrl === 'string' && imageUrl.startsWith('/')) me.avatar.image_url = ctx.baseUrl + imageUrl;
  ctx.json(200, me);
}

export function postUninstall(ctx: Ctx): void {
  const info = authenticate(ctx);
  if (!info) return;
  info.revoked = true;
  ctx.json(200, {});
}

export function getList(ctx: Ctx): void {
  const info = authenticate(ctx);
  if (!info) return;
  const scope = ROUTE_SCOPES[ctx.route];
  const granted = info.profile.scopes ?? ALL_SCOPES;
  if (scope && !granted.includes(scope)) return ctx.error(403, 'forbidden', scopeMessage(scope));
  let body: object;
  try {
    body = listBody(ctx.route, info.profile.me, ctx.state.now(), ctx.url.searchParams);
  } catch {
    return ctx.error(400, 'parameter_invalid', 'starting_after is not a valid cursor');
  }
  ctx.json(200, body);
}

/** GET /contacts/{id}: one contact of the workspace, or 404 not_found. */
export function getContact(ctx: Ctx): void {
  const info = authenticate(ctx);
  if (!info) return;
  const granted = info.profile.scopes ?? ALL_SCOPES;
  if (!granted.includes(ROUTE_SCOPES['GET /contacts'])) return ctx.error(403, 'forbidden', scopeMessage(ROUTE_SCOPES['GET /contacts']));
  const id = decodeURIComponent(CONTACT_PATH.exec(ctx.url.pathname)?.[1] ?? '');
  const contact = contacts(info.profile.me.app?.id_code ?? 'unknown', Math.floor(ctx.state.now() / 1000)).find((c) => (c as { id: string }).id === id);
  if (!contact) return ctx.error(404, 'not_found', 'User Not Found');
  ctx.json(200, contact);
}

export const CONTACT_PATH = /^\/contacts\/([^/]+)$/;

/** POST /tags: creates (or finds) a tag by name; a write, so it needs write_tags. */
export function postTag(ctx: Ctx): void {
  const info = authenticate(ctx);
  if (!info) return;
  if (!(info.profile.scopes ?? ALL_SCOPES).includes(SCOPES.writeTags)) return ctx.error(403, 'forbidden', scopeMessage(SCOPES.writeTags));
  const name = ctx.field('name');
  if (!name) return ctx.error(400, 'parameter_not_found', 'No name parameter found');
  ctx.json(200, { type: 'tag', id: String(100 + name.length), name });
}

export const AVATAR_PATH = /^\/avatars\/([A-Za-z0-9_-]{1,64})\.png$/;

export function getAvatar(ctx: Ctx): void {
  const id = AVATAR_PATH.exec(ctx.url.pathname)?.[1] ?? 'avatar';
  send(ctx.res, 200, 'image/png', avatarPng(id), { 'Cache-Control': 'public, max-age=3600', 'X-Request-Id': ctx.requestId });
}
