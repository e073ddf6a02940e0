// Public types of the fake Intercom server (see index.ts for the API overview).
import type { IncomingHttpHeaders } from 'node:http';

/** What GET /me says in app.region. Any other string may be set to test unknown regions. */
export type Region = 'US' | 'Europe' | 'AU';

/** The documented GET /me body (Intercom API 2.x, "Identify an admin"). */
export interface MeBody {
  type: 'admin';
  id: string;
  email: string;
  name: string;
  email_verified: boolean | null;
  app: {
    type: 'app';
    id_code: string;
    name: string;
    created_at: number;
    secure: boolean;
    identity_verification: boolean;
    timezone: string;
    region: Region | string;
  } | null;
  /** image_url starting with '/' is served relative to the fake (GET /avatars/<id>.png). */
  avatar: { type: 'avatar'; image_url: string | null } | null;
  has_inbox_seat: boolean;
  job_title: string | null;
  away_mode_enabled: boolean;
  away_mode_reassign: boolean;
  team_ids: number[];
}

/** Every field, at any depth, may be null or omitted (an `undefined` value is left out of the JSON). */
export type Loose<T> = {
  [K in keyof T]?: (NonNullable<T[K]> extends readonly unknown[] ? T[K] : NonNullable<T[K]> extends object ? Loose<NonNullable<T[K]>> : T[K]) | null;
};

/** A workspace + admin as seen by one token: the /me body, and the scopes the token was granted. */
export interface WorkspaceProfile {
  me: Loose<MeBody>;
  /** Intercom's internal scope names (see SCOPES). Omitted: every scope. */
  scopes?: string[];
}

/** Deep patch for a profile: objects merge, `null` sets null, `undefined` removes the field. */
export interface ProfilePatch {
  me?: Loose<MeBody>;
  scopes?: string[];
}

export type ConsentMode = 'page' | 'approve' | 'deny';

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** The first one is the default when /oauth has no redirect_uri. */
  redirectUrls: string[];
  /** Shown on the consent page. Default "Test App". */
  appName?: string;
}

export interface RateLimitSettings {
  /** X-RateLimit-Limit; after this many API requests in one window the fake answers 429 by itself. */
  limit: number;
  /** Window length; X-RateLimit-Reset is the end of the current window in unix seconds. */
  windowSeconds: number;
}

export type Fault =
  /** Intercom's error envelope with this status (500/502/503 get Intercom-like defaults for code/message). */
  | { kind: 'error'; status: number; code?: string; message?: string; headers?: Record<string, string> }
  /**
   * 429 rate_limit_exceeded. retryAfter: Retry-After seconds (default 1; null → no Retry-After header).
   * resetIn: X-RateLimit-Reset = now + resetIn seconds (default retryAfter ?? 2). limit/remaining: header values
   * (default the server's limit / 0). null for any of limit/remaining/resetIn leaves that header out.
   */
  | { kind: 'rateLimit'; retryAfter?: number | null; resetIn?: number | null; limit?: number | null; remaining?: number | null }
  /** Waits ms, then answers normally (or with `then`). */
  | { kind: 'delay'; ms: number; then?: Fault }
  /** A body that is not JSON, served as application/json (default status 200). */
  | { kind: 'invalidJson'; status?: number; body?: string }
  /** An HTML page as a proxy would send it (default 502 Bad Gateway). */
  | { kind: 'html'; status?: number; body?: string }
  /** Destroys the socket without an answer (TCP RST where the platform allows). */
  | { kind: 'reset' }
  /** Never answers; the request stays open until the client gives up or close() is called. */
  | { kind: 'hang' }
  /** A redirect (default 307) to `location`, e.g. another fake: a client that follows it replays the request there. */
  | { kind: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string }
  /**
   * A 200 admin whose JSON is `bytes` long (default 128 MiB), streamed as fast as the client reads it, with or
   * without Content-Length. The request records bodyBytesSent and closedEarly.
   */
  | { kind: 'hugeBody'; bytes?: number; declareLength?: boolean }
  /** Sends the headers and the first bytes of a 200 JSON answer, then nothing until the client gives up or close(). */
  | { kind: 'stallBody' }
  /** Intercom's error envelope (default 401) whose message repeats every credential the request carried. */
  | { kind: 'echoSecrets'; status?: number };

export interface RecordedRequest {
  /** e.g. "GET /me" — the key used by failNext() and count(). */
  route: string;
  method: string;
  /** Path without the query. */
  path: string;
  /** Raw request target as received (path + query). */
  url: string;
  /** Query parameters (last value wins for repeated names). */
  query: Record<string, string>;
  /** Lower-case header names, as Node parses them. */
  headers: IncomingHttpHeaders;
  /** Form or JSON body parsed to an object; raw text for other bodies; undefined when empty or unparsable JSON. */
  body: unknown;
  rawBody: string;
  /** Status sent, once the response has finished (undefined for reset/hung requests). */
  status?: number;
  /** Body bytes handed to the socket so far (hugeBody only). */
  bodyBytesSent?: number;
  /** The client closed the connection before the answer was complete (hugeBody only). */
  closedEarly?: boolean;
  /** Fault applied to this request, if any. */
  fault?: Fault['kind'];
  /** Timestamp from the server's clock. */
  at: number;
}

export interface TokenInfo {
  token: string;
  kind: 'oauth' | 'accessToken';
  /** Live object: change it to change what /me and the list endpoints answer for this token. */
  profile: WorkspaceProfile;
  revoked: boolean;
  /** The OAuth client the token was issued to (OAuth tokens only). */
  clientId?: string;
}
