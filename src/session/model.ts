// A connection to one Intercom workspace as one admin: what is kept in SecretStorage (as JSON).
import type { Region } from '../api/hosts';
import type { Me } from '../api/me';

export type TokenKind = 'oauth' | 'accessToken';

export interface IntercomSession {
  id: string;
  accessToken: string;
  kind: TokenKind;
  /** id is `${app.id_code}:${admin.id}`: connecting the same admin and workspace again replaces the session. */
  account: { id: string; label: string };
  region: Region | null;
  /** The REST host this workspace answers on. */
  apiBase: string;
  createdAt: string;
  /** The last good GET /me answer and when it was fetched. */
  me: Me;
  meFetchedAt: string;
}

export function accountOf(me: Me): { id: string; label: string } {
  const admin = me.name ?? me.email ?? me.id;
  const workspace = me.app?.name ?? me.app?.id_code;
  return {
    id: `${me.app?.id_code ?? 'unknown'}:${me.id}`,
    label: workspace ? `${admin} (${workspace})` : admin,
  };
}

/** Adds or replaces (same account) a session; the newest goes first. */
export function upsertSession(sessions: readonly IntercomSession[], session: IntercomSession): IntercomSession[] {
  return [session, ...sessions.filter((s) => s.account.id !== session.account.id && s.id !== session.id)];
}

/** Whether the session's /me snapshot was read before `time` (epoch ms); an unreadable date counts as before. */
export function readBefore(session: IntercomSession, time: number): boolean {
  return !(Date.parse(session.meFetchedAt) >= time);
}

/** The token as it may be shown: last 4 characters only. */
export function maskToken(token: string): string {
  return `••••${token.slice(-4)}`;
}

/** Parses stored JSON; undefined when it is not a list of sessions (corrupt storage is discarded, not fatal). */
export function parseStoredSessions(json: string | undefined): IntercomSession[] | undefined {
  if (json === undefined) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return undefined;
    return value.filter((s): s is IntercomSession =>
      typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.accessToken === 'string'
      && typeof s.account?.id === 'string' && typeof s.apiBase === 'string' && typeof s.me?.id === 'string');
  } catch {
    return undefined;
  }
}
