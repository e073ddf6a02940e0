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
