// One REST call and its answer, as IntercomHttp.request sends and returns them. Never a token: the
// session supplies that when the call runs.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiCall {
  readonly method: HttpMethod;
  /** The path with its parameters filled in, e.g. /contacts/6657a1b9. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body of a write; undefined for none. */
  readonly body?: unknown;
}

export interface ApiAnswer {
  readonly status: number;
  readonly durationMs: number;
  /** Lower-case header names → values: X-Request-Id and X-RateLimit-* only. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or the raw text when the answer is not JSON. */
  readonly body: unknown;
}

/** The headers an answer keeps; every other header is dropped. */
export const KEPT_HEADERS = /^(x-request-id|x-ratelimit-.+)$/i;

/**
 * "." or "..", spelled as the URL standard reads a path segment: "%2e" counts as a dot, in either case.
 * Such a segment is resolved away before the request leaves (/contacts/%2e%2e/admins is sent as /admins).
 */
export const isDotSegment = (segment: string): boolean => /^(\.|%2e){1,2}$/i.test(segment);

/**
 * A path the URL parser leaves as written: absolute, no dot segment, and no space, control character or backslash
 * (the parser drops tabs and newlines and reads a backslash as a slash), nor a raw ? or #.
 */
export const isSendablePath = (path: string): boolean =>
  path.startsWith('/') && !/[\s\p{Cc}\\?#]/u.test(path) && !path.split('/').some(isDotSegment);

/**
 * The one URL a call is sent to: apiBase, the path, then the query in URLSearchParams' encoding. Throws on a
 * path that is not sendable as written, so the request line shown is the one that goes out.
 */
export function requestUrl(apiBase: string, call: Pick<ApiCall, 'path' | 'query'>): URL {
  if (!isSendablePath(call.path)) {
    throw new Error(`${call.path} is not an API path: it must start with / and have no "." or ".." segment, and no space, backslash, ? or # unencoded.`);
  }
  const url = new URL(`${apiBase.replace(/\/+$/, '')}${call.path}`);
  url.search = new URLSearchParams(call.query).toString();
  return url;
}

/** "/contacts?per_page=2": the request target of the URL, as its request line carries it. */
export const requestTarget = (url: URL): string => `${url.pathname}${url.search}`;
