// Every failure talking to Intercom becomes one IntercomError with a kind the UI can act on.
// Messages here are safe to show and log: they never contain a token, secret or code.
import type { ApiAnswer } from './call';

export type IntercomErrorKind =
  | 'network' // connection refused or reset, DNS failure
  | 'timeout'
  | 'cancelled'
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'rateLimited' // 429 after the retries allowed
  | 'server' // 5xx
  | 'invalidResponse' // not the JSON Intercom documents (HTML error page, broken JSON), a redirect, a body over the cap
  | 'http'; // any other status

export interface IntercomErrorDetails {
  method: string;
  /** host[:port] the request went to. */
  host?: string;
  path: string;
  status?: number;
  /** From Intercom's error envelope: errors[0].code / .message, and request_id. */
  code?: string;
  intercomMessage?: string;
  requestId?: string;
  /** When a rate-limited request may be sent again (Retry-After or X-RateLimit-Reset). */
  retryAt?: Date;
  /** invalidResponse only: an answer no request may use (a redirect is never followed; a body over the cap is cut off). */
  unexpected?: UnexpectedAnswer;
  /**
   * The unsuccessful answer itself (status, kept headers, body), for the API explorer's response tab. Never
   * part of the message: a body can echo anything, so it goes through the redaction step where it is shown.
   */
  answer?: ApiAnswer;
}

export type UnexpectedAnswer = 'redirect' | 'tooLarge';

/** The most a response body may hold; Intercom's answers are a few KiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const UNEXPECTED_SUMMARY: Record<UnexpectedAnswer, string> = {
  redirect: 'answered with a redirect, which is never followed',
  tooLarge: 'answered with more than 1 MiB; stopped reading',
};

export class IntercomError extends Error {
  constructor(readonly kind: IntercomErrorKind, readonly details: IntercomErrorDetails, cause?: unknown) {
    super(summary(kind, details), { cause });
    this.name = 'IntercomError';
  }
}

function summary(kind: IntercomErrorKind, d: IntercomErrorDetails): string {
  const status = d.status === undefined ? '' : ` ${d.status}`;
  const said = d.unexpected ? `: ${UNEXPECTED_SUMMARY[d.unexpected]}` : d.intercomMessage ? `: ${d.intercomMessage}` : '';
  return `${d.method} ${d.path} failed (${kind}${status})${said}`;
}

export interface ErrorEnvelope {
  code?: string;
  message?: string;
  requestId?: string;
}

/** Reads Intercom's {"type":"error.list","request_id":…,"errors":[{code,message}]}; undefined otherwise. */
export function parseErrorEnvelope(body: unknown): ErrorEnvelope | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { type?: unknown; request_id?: unknown; errors?: unknown };
  if (b.type !== 'error.list' || !Array.isArray(b.errors)) return undefined;
  const first = (b.errors[0] ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof first.code === 'string' ? first.code : undefined,
    message: typeof first.message === 'string' ? first.message : undefined,
    requestId: typeof b.request_id === 'string' ? b.request_id : undefined,
  };
}

export function kindForStatus(status: number): IntercomErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'http';
}

type Headers = Record<string, string | string[] | undefined>;
const header = (h: Headers, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** When a 429 may be retried: Retry-After (seconds or HTTP date) first, then X-RateLimit-Reset (unix seconds). */
export function rateLimitRetryAt(headers: Headers, now: number): Date | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const at = /^\d+$/.test(retryAfter) ? now + Number(retryAfter) * 1000 : Date.parse(retryAfter);
    if (!Number.isNaN(at)) return new Date(Math.max(at, now));
  }
  const reset = header(headers, 'x-ratelimit-reset');
  if (reset !== undefined && /^\d+$/.test(reset)) return new Date(Math.max(Number(reset) * 1000, now));
  return undefined;
}

/** "You do not have the required scope (read_conversations) …" → "read_conversations". */
export function requiredScopeOf(message: string | undefined): string | undefined {
  return message ? /required scope \(([^)]+)\)/i.exec(message)?.[1] : undefined;
}

/** dist/http.js carries its own copy of IntercomError, so callers in dist/extension.js test the shape, not instanceof. */
export function isIntercomError(error: unknown): error is IntercomError {
  return error instanceof Error && error.name === 'IntercomError' && 'kind' in error && 'details' in error;
}
