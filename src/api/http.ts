// The only module that talks HTTP. It is its own bundle (dist/http.js) because got is ESM-only and
// large: the extension requires it on first use (src/features/bundles.ts), never at activation.
// Every request is logged with method, path, status and duration; never headers, query or bodies.
// No request follows a redirect (it would replay the code, secret or token to another origin), and no
// body is read past MAX_BODY_BYTES.
import got, { type Got, type OptionsOfTextResponseBody, type RequestError, type Response } from 'got';
import { KEPT_HEADERS, requestUrl, type ApiAnswer, type ApiCall } from './call';
import { IntercomError, kindForStatus, MAX_BODY_BYTES, parseErrorEnvelope, rateLimitRetryAt } from './errors';
import type { Log } from '../log';
import type { KnownSecrets } from '../secrets/redact';
import { parseMe, type Me } from './me';

export interface HttpOptions {
  log: Log;
  /** Learns every code, client secret and token the client sends or receives, before any sink can see it. */
  knownSecrets: KnownSecrets;
  timeoutMs: number;
  userAgent: string;
  /** Longest rate-limit wait a GET will sit out before giving up with 'rateLimited'. */
  maxRetryWaitMs?: number;
  /** Cap on the exponential backoff between retries of 5xx/network failures (got's backoffLimit). */
  backoffLimitMs?: number;
}

export interface ApiRequest {
  apiBase: string;
  token: string;
  /** Intercom-Version header. */
  version: string;
  signal?: AbortSignal;
  /** false: one attempt only (the Workspace view shows when to retry instead of waiting). */
  retry?: boolean;
}

export interface CodeExchange {
  code: string;
  clientId: string;
  clientSecret: string;
}

export interface ProbeResponse {
  status: number;
  body: unknown;
}

export interface IntercomHttp {
  /** POST /auth/eagle/token, form-encoded, never retried (codes are single use). Returns the access token. */
  exchangeCode(apiBase: string, exchange: CodeExchange, signal?: AbortSignal): Promise<string>;
  /** GET /me, retried (at most GET_RETRY_LIMIT times) on 408/429/5xx, network errors and timeouts, honouring Retry-After and X-RateLimit-Reset. */
  getMe(request: ApiRequest): Promise<Me>;
  /** POST /auth/uninstall: revokes the token. */
  revoke(request: ApiRequest): Promise<void>;
  /** A read-only GET whose 4xx answers are data, not errors (scope checks). */
  probe(request: ApiRequest, path: string): Promise<ProbeResponse>;
  /**
   * Any REST call (the API explorer): GETs are retried like getMe, writes are sent once. A JSON body goes
   * as application/json. An unsuccessful answer throws an IntercomError, as every other call does; a path
   * requestUrl refuses is never sent.
   */
  request(request: ApiRequest, call: ApiCall): Promise<ApiAnswer>;
}

/** Retries of a GET after its first attempt (the README's "When something goes wrong" says so). */
export const GET_RETRY_LIMIT = 2;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EPIPE']);
const pathOf = (url: URL | string | undefined) => (url ? new URL(url).pathname : '?');
const hostOf = (url: URL | string | undefined) => (url ? new URL(url).host : undefined);
/** For the log: the status of an answer, else the error's code (ETIMEDOUT, ECONNRESET, …), even after headers arrived. */
const failureOf = (error: RequestError) => (error.name === 'HTTPError' ? error.response?.statusCode : (error.code ?? error.name));

function parseJson(response: Response<string>): unknown {
  const type = String(response.headers['content-type'] ?? '');
  if (!/json/i.test(type)) return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}

/** An answer as the explorer shows it: the status, the headers KEPT_HEADERS names, the body parsed when it is JSON. */
function answerOf(response: Response<string>, durationMs: number): ApiAnswer {
  const headers = Object.fromEntries(Object.entries(response.headers)
    .filter(([name]) => KEPT_HEADERS.test(name))
    .map(([name, value]) => [name, String(value)]));
  const body = parseJson(response);
  return { status: response.statusCode, durationMs, headers, body: body === undefined ? response.body : body };
}

/** An unsuccessful answer. A 5xx without Intercom's envelope is a proxy's page, not Intercom's. */
function errorFromResponse(method: string, response: Response<string>, cause?: unknown): IntercomError {
  const envelope = parseErrorEnvelope(parseJson(response));
  const status = response.statusCode;
  return new IntercomError(envelope || status < 500 ? kindForStatus(status) : 'invalidResponse', {
    method, host: hostOf(response.url), path: pathOf(response.url), status,
    code: envelope?.code,
    intercomMessage: envelope?.message,
    requestId: envelope?.requestId,
    retryAt: status === 429 ? rateLimitRetryAt(response.headers, Date.now()) : undefined,
    answer: answerOf(response, Math.round(response.timings?.phases.total ?? 0)),
  }, cause);
}

/**
 * A failed request. Only an HTTPError is an answer to report by its status: a timeout or a reset can
 * also come after the headers (a body that stalls), and is still a timeout or a network error.
 */
function toIntercomError(error: RequestError, signal: AbortSignal | undefined, overCap: boolean): IntercomError {
  const method = error.options?.method ?? 'GET';
  const path = pathOf(error.options?.url);
  const host = hostOf(error.options?.url);
  if (signal?.aborted) return new IntercomError('cancelled', { method, host, path }, error);
  if (overCap) return new IntercomError('invalidResponse', { method, host, path, status: error.response?.statusCode, unexpected: 'tooLarge' }, error);
  if (error.name === 'HTTPError' && error.response) return errorFromResponse(method, error.response as Response<string>, error);
  const kind = error.code === 'ETIMEDOUT' || error.name === 'TimeoutError' ? 'timeout' : 'network';
  return new IntercomError(kind, { method, host, path, code: NETWORK_CODES.has(error.code) ? error.code : undefined }, error);
}

/** got with the settings, retries (Intercom's rate-limit reset too) and a log line per answer, retry and failure. */
function gotClient(options: HttpOptions): Got {
  const { log } = options;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 20_000;
  return got.extend({
    // The whole exchange, body included: a body that stalls after the headers times out too.
    timeout: { request: options.timeoutMs },
    followRedirect: false,
    headers: { 'user-agent': options.userAgent, accept: 'application/json' },
    responseType: 'text',
    retry: {
      limit: GET_RETRY_LIMIT,
      methods: ['GET'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      maxRetryAfter: maxRetryWaitMs,
      backoffLimit: options.backoffLimitMs ?? 4000,
      // got honours Retry-After itself; Intercom often sends only X-RateLimit-Reset.
      calculateDelay: ({ error, retryAfter, computedValue }) => {
        if (computedValue === 0 || retryAfter !== undefined || error.response?.statusCode !== 429) return computedValue;
        const at = rateLimitRetryAt(error.response.headers, Date.now());
        if (!at) return computedValue;
        const wait = at.getTime() - Date.now();
        return wait > maxRetryWaitMs ? 0 : Math.max(1, wait);
      },
    },
    hooks: {
      afterResponse: [
        (response) => {
          const ms = Math.round(response.timings?.phases.total ?? 0);
          log.info(`${response.request.options.method} ${pathOf(response.url)} → ${response.statusCode} (${ms} ms)`);
          return response;
        },
      ],
      beforeRetry: [
        (error, retryCount) => log.warn(`${error.options.method} ${pathOf(error.options.url)}: retry ${retryCount} after ${failureOf(error)}`),
      ],
      beforeError: [
        (error) => {
          // Answers were logged by afterResponse; an abort is the person's cancel or the cap, logged by send().
          if (error.name !== 'HTTPError' && error.name !== 'AbortError') log.warn(`${error.options?.method} ${pathOf(error.options?.url)} → ${failureOf(error)}`);
          return error;
        },
      ],
    },
  });
}

type Send = (url: string, init: OptionsOfTextResponseBody, signal: AbortSignal | undefined) => Promise<Response<string>>;

/** One request; a 3xx (never followed) or a body over the cap is an unexpected answer. */
function sender(client: Got, log: Log): Send {
  return async (url, init, signal) => {
    // The cap aborts the download itself, so an oversized body is never held whole.
    const cap = new AbortController();
    const request = client(url, { ...init, signal: signal ? AbortSignal.any([signal, cap.signal]) : cap.signal });
    // on() returns the request itself, awaited below.
    void request.on('downloadProgress', ({ transferred, total }) => {
      if (Math.max(transferred, total ?? 0) > MAX_BODY_BYTES) cap.abort();
    });
    let response: Response<string>;
    try {
      response = await request;
    } catch (error) {
      const failure = toIntercomError(error as RequestError, signal, cap.signal.aborted);
      if (failure.details.unexpected === 'tooLarge') log.warn(failure.message);
      throw failure;
    }
    if (response.statusCode >= 300 && response.statusCode < 400) {
      const method = init.method ?? 'GET';
      throw new IntercomError('invalidResponse', { method, host: hostOf(response.url), path: pathOf(response.url), status: response.statusCode, unexpected: 'redirect' });
    }
    return response;
  };
}

function json(response: Response<string>, method: string): unknown {
  const body = parseJson(response);
  if (body === undefined) {
    throw new IntercomError('invalidResponse', {
      method, host: hostOf(response.url), path: pathOf(response.url), status: response.statusCode,
      intercomMessage: `expected JSON, got ${String(response.headers['content-type'] ?? 'no content type')}`,
    });
  }
  return body;
}

export function createIntercomHttp(options: HttpOptions): IntercomHttp {
  const { knownSecrets } = options;
  const send = sender(gotClient(options), options.log);
  const apiHeaders = (r: ApiRequest) => {
    knownSecrets.remember(r.token);
    return { authorization: `Bearer ${r.token}`, 'intercom-version': r.version };
  };

  return {
    async exchangeCode(apiBase, exchange, signal) {
      knownSecrets.remember(exchange.code, exchange.clientSecret);
      const response = await send(`${apiBase}/auth/eagle/token`, {
        method: 'POST',
        form: { code: exchange.code, client_id: exchange.clientId, client_secret: exchange.clientSecret },
        retry: { limit: 0 },
      }, signal);
      const body = json(response, 'POST') as { access_token?: unknown; token?: unknown };
      const token = typeof body.access_token === 'string' ? body.access_token : body.token;
      if (typeof token !== 'string' || token.length === 0) {
        throw new IntercomError('invalidResponse', { method: 'POST', path: '/auth/eagle/token', intercomMessage: 'no access_token in the answer' });
      }
      knownSecrets.remember(token);
      return token;
    },

    async getMe(request) {
      const response = await send(`${request.apiBase}/me`, {
        headers: apiHeaders(request),
        ...(request.retry === false ? { retry: { limit: 0 } } : {}),
      }, request.signal);
      return parseMe(json(response, 'GET'));
    },

    async revoke(request) {
      await send(`${request.apiBase}/auth/uninstall`, { method: 'POST', headers: apiHeaders(request), retry: { limit: 0 } }, request.signal);
    },

    async probe(request, path) {
      const response = await send(`${request.apiBase}${path}`, { headers: apiHeaders(request), throwHttpErrors: false }, request.signal);
      if (response.statusCode === 401 || response.statusCode === 429 || response.statusCode >= 500) {
        throw errorFromResponse('GET', response);
      }
      return { status: response.statusCode, body: parseJson(response) };
    },

    async request(request, call) {
      const started = performance.now();
      const response = await send(requestUrl(request.apiBase, call).href, {
        method: call.method,
        headers: apiHeaders(request),
        ...(call.body !== undefined && { json: call.body }),
        ...(request.retry === false && { retry: { limit: 0 } }),
      }, request.signal);
      return answerOf(response, Math.round(performance.now() - started));
    },
  };
}
