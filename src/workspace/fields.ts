// What the Workspace view shows for one session, as typed values: the view decides the words
// (localized labels, Yes/No, local dates, "—" for anything missing), this decides the facts.
import { REGION_NAMES } from '../api/hosts';
import { maskToken, type IntercomSession } from '../session/model';

export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; epochMs: number }
  | { kind: 'missing' };

export type FieldKey =
  | 'adminName' | 'adminEmail' | 'adminId' | 'jobTitle' | 'inboxSeat' | 'awayMode'
  | 'workspaceName' | 'idCode' | 'region' | 'timezone' | 'created' | 'secure' | 'identityVerification'
  | 'apiHost' | 'apiVersion' | 'connectedAt' | 'tokenKind' | 'token';

export interface Field {
  key: FieldKey;
  value: FieldValue;
  /** Only the admin email has one: whether Intercom reports it verified (null: not said). */
  verified?: boolean | null;
}

export type GroupKey = 'admin' | 'workspace' | 'connection';

export interface FieldGroup {
  key: GroupKey;
  fields: Field[];
}

const text = (s: string | null | undefined): FieldValue => (s ? { kind: 'text', text: s } : { kind: 'missing' });
const bool = (b: boolean | null | undefined): FieldValue => (typeof b === 'boolean' ? { kind: 'bool', value: b } : { kind: 'missing' });
const date = (ms: number | null | undefined): FieldValue => (typeof ms === 'number' && Number.isFinite(ms) ? { kind: 'date', epochMs: ms } : { kind: 'missing' });

/** "<workspace name> (<id_code>)", falling back to whichever is known. */
export function workspaceTitle(session: IntercomSession): string {
  const app = session.me.app;
  if (app?.name && app.id_code) return `${app.name} (${app.id_code})`;
  return app?.name ?? app?.id_code ?? session.account.label;
}

/** The region as /me reports it ("US", "Europe", "AU"), else the one we resolved. */
export function regionLabel(session: IntercomSession): string | undefined {
  return session.me.app?.region ?? (session.region ? REGION_NAMES[session.region] : undefined);
}

export function fieldGroups(session: IntercomSession, apiVersion: string): FieldGroup[] {
  const { me } = session;
  const app = me.app;
  return [
    {
      key: 'admin',
      fields: [
        { key: 'adminName', value: text(me.name) },
        { key: 'adminEmail', value: text(me.email), verified: me.email_verified },
        { key: 'adminId', value: text(me.id) },
        { key: 'jobTitle', value: text(me.job_title) },
        { key: 'inboxSeat', value: bool(me.has_inbox_seat) },
        { key: 'awayMode', value: bool(me.away_mode_enabled) },
      ],
    },
    {
      key: 'workspace',
      fields: [
        { key: 'workspaceName', value: text(app?.name) },
        { key: 'idCode', value: text(app?.id_code) },
        { key: 'region', value: text(regionLabel(session)) },
        { key: 'timezone', value: text(app?.timezone) },
        { key: 'created', value: date(app?.created_at == null ? null : app.created_at * 1000) },
        { key: 'secure', value: bool(app?.secure) },
        { key: 'identityVerification', value: bool(app?.identity_verification) },
      ],
    },
    {
      key: 'connection',
      fields: [
        { key: 'apiHost', value: text(URL.canParse(session.apiBase) ? new URL(session.apiBase).host : session.apiBase) },
        { key: 'apiVersion', value: text(apiVersion) },
        { key: 'connectedAt', value: date(Date.parse(session.createdAt)) },
        { key: 'tokenKind', value: text(session.kind) },
        { key: 'token', value: text(maskToken(session.accessToken)) },
      ],
    },
  ];
}

/** The workbench's Content-Security-Policy loads images over https only; anything else gets a codicon. */
export function showableAvatar(url: string | null): string | undefined {
  return url && URL.canParse(url) && new URL(url).protocol === 'https:' ? url : undefined;
}
