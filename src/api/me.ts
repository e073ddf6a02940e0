// GET /me: the admin and workspace a token belongs to. Parsed tolerantly: the spec marks
// email_verified, app and avatar.image_url nullable, and newer fields may be missing.
import { IntercomError } from './errors';

export interface MeApp {
  id_code: string;
  name: string | null;
  created_at: number | null;
  secure: boolean | null;
  identity_verification: boolean | null;
  timezone: string | null;
  region: string | null;
}

export interface Me {
  id: string;
  name: string | null;
  email: string | null;
  email_verified: boolean | null;
  job_title: string | null;
  has_inbox_seat: boolean | null;
  away_mode_enabled: boolean | null;
  avatar_url: string | null;
  app: MeApp | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** Throws IntercomError('invalidResponse') unless the body is an admin with an id. */
export function parseMe(body: unknown): Me {
  const b = obj(body);
  const id = str(b?.id);
  if (!b || b.type !== 'admin' || !id) {
    throw new IntercomError('invalidResponse', { method: 'GET', path: '/me', intercomMessage: 'not an admin object' });
  }
  const app = obj(b.app);
  const idCode = str(app?.id_code);
  return {
    id,
    name: str(b.name),
    email: str(b.email),
    email_verified: bool(b.email_verified),
    job_title: str(b.job_title),
    has_inbox_seat: bool(b.has_inbox_seat),
    away_mode_enabled: bool(b.away_mode_enabled),
    avatar_url: str(obj(b.avatar)?.image_url),
    app: app && idCode
      ? {
          id_code: idCode,
          name: str(app.name),
          created_at: num(app.created_at),
          secure: bool(app.secure),
          identity_verification: bool(app.identity_verification),
          timezone: str(app.timezone),
          region: str(app.region),
        }
      : null,
  };
}
