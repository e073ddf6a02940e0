// Faults the fake serves on demand (see FakeIntercom.failNext), and shorthands to build them.
import type { Ctx } from './context';
import { HTML_TYPE, JSON_TYPE, send } from './http';
import { ACCESS_TOKEN_INVALID, bearerToken } from './routes/api';
import { UNAUTHORIZED_CODE } from './routes/oauth';
import type { Fault, RecordedRequest } from './types';

/** Shorthands: `fake.failNext('GET /me', Faults.rateLimit({ retryAfter: null }))`. */
export const Faults = {
  error: (status: number, code?: string, message?: string): Fault => ({ kind: 'error', status, ...(code ? { code } : {}), ...(message ? { message } : {}) }),
  serverError: (status: 500 | 502 | 503 = 500): Fault => ({ kind: 'error', status }),
  rateLimit: (o: Omit<Extract<Fault, { kind: 'rateLimit' }>, 'kind'> = {}): Fault => ({ kind: 'rateLimit', ...o }),
  delay: (ms: number, then?: Fault): Fault => ({ kind: 'delay', ms, ...(then ? { then } : {}) }),
  invalidJson: (status = 200, body?: string): Fault => ({ kind: 'invalidJson', status, ...(body !== undefined ? { body } : {}) }),
  html: (status = 502, body?: string): Fault => ({ kind: 'html', status, ...(body !== undefined ? { body } : {}) }),
  reset: (): Fault => ({ kind: 'reset' }),
  hang: (): Fault => ({ kind: 'hang' }),
  redirect: (location: string, status: Extract<Fault, { kind: 'redirect' }>['status'] = 307): Fault => ({ kind: 'redirect', status, location }),
  hugeBody: (o: Omit<Extract<Fault, { kind: 'hugeBody' }>, 'kind'> = {}): Fault => ({ kind: 'hugeBody', ...o }),
  stallBody: (): Fault => ({ kind: 'stallBody' }),
  echoSecrets: (status = 401): Fault => ({ kind: 'echoSecrets', status }),
} as const;

const MiB = 1024 * 1024;

const SERVER_ERRORS: Record<number, [code: string, message: string]> = {
  500: ['server_error', 'Server Error'],
  502: ['bad_gateway', 'Bad Gateway'],
  503: ['service_unavailable', 'Sorry, the API service is temporarily unavailable'],
  504: ['gateway_timeout', 'Gateway Timeout'],
};

export const RATE_LIMIT_MESSAGE = 'You have exceeded the rate limit. Please try again later.';

function defaultHtml(status: number): string {
  const reason = status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Temporarily Unavailable' : status === 504 ? 'Gateway Time-out' : 'Error';
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A valid admin JSON of exactly `bytes` bytes, written only as fast as the client reads it. */
function streamHugeBody(ctx: Ctx, record: RecordedRequest, bytes: number, declareLength: boolean): void {
  const { res } = ctx;
  const head = Buffer.from('{"type":"admin","id":"1","name":"');
  const tail = Buffer.from('"}');
  const padding = Buffer.alloc(64 * 1024, 'a');
  const parts = function* () {
    yield head;
    for (let left = bytes - head.length - tail.length; left > 0; left -= padding.length) yield padding.subarray(0, Math.min(left, padding.length));
    yield tail;
  }();
  record.bodyBytesSent = 0;
  res.on('close', () => { if (!res.writableFinished) record.closedEarly = true; });
  res.writeHead(200, { ...ctx.apiHeaders(), 'Content-Type': JSON_TYPE, ...(declareLength ? { 'Content-Length': String(bytes) } : {}) });
  const pump = () => {
    for (let part = parts.next(); !part.done; part = parts.next()) {
      if (res.destroyed) return;
      record.bodyBytesSent! += part.value.length;
      if (!res.write(part.value)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

/** "Unauthorized Code <code> <client secret>" or "Access Token Invalid <token>": a server that repeats what it was sent. */
function echoedMessage(ctx: Ctx): string {
  const exchange = ctx.route === 'POST /auth/eagle/token';
  const carried = [ctx.field('code'), ctx.field('client_secret'), bearerToken(ctx)].filter((s) => s !== undefined);
  return [exchange ? UNAUTHORIZED_CODE : ACCESS_TOKEN_INVALID, ...carried].join(' ');
}

/** Answers with the fault (not for 'delay', which the server handles by waiting). */
export function sendFault(ctx: Ctx, fault: Exclude<Fault, { kind: 'delay' }>, record: RecordedRequest): void {
  switch (fault.kind) {
    case 'error': {
      const [code, message] = SERVER_ERRORS[fault.status] ?? ['error', 'An error occurred'];
      ctx.error(fault.status, fault.code ?? code, fault.message ?? message, fault.headers);
      return;
    }
    case 'rateLimit': {
      const nowSec = Math.floor(ctx.state.now() / 1000);
      const retryAfter = fault.retryAfter === undefined ? 1 : fault.retryAfter;
      const resetIn = fault.resetIn === undefined ? (retryAfter ?? 2) : fault.resetIn;
      const limit = fault.limit === undefined ? ctx.state.rateLimit.limit : fault.limit;
      const remaining = fault.remaining === undefined ? 0 : fault.remaining;
      const headers: Record<string, string> = { 'X-Request-Id': ctx.requestId };
      if (limit !== null) headers['X-RateLimit-Limit'] = String(limit);
      if (remaining !== null) headers['X-RateLimit-Remaining'] = String(remaining);
      if (resetIn !== null) headers['X-RateLimit-Reset'] = String(nowSec + resetIn);
      if (retryAfter !== null) headers['Retry-After'] = String(retryAfter);
      const body = JSON.stringify({ type: 'error.list', request_id: ctx.requestId, errors: [{ code: 'rate_limit_exceeded', message: RATE_LIMIT_MESSAGE }] });
      send(ctx.res, 429, JSON_TYPE, body, headers);
      return;
    }
    case 'invalidJson':
      send(ctx.res, fault.status ?? 200, JSON_TYPE, fault.body ?? '{"type":"admin","id":"2633609","email":', ctx.apiHeaders());
      return;
    case 'html': {
      const status = fault.status ?? 502;
      send(ctx.res, status, HTML_TYPE, fault.body ?? defaultHtml(status), { 'X-Request-Id': ctx.requestId });
      return;
    }
    case 'reset': {
      const socket = ctx.req.socket;
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
      return;
    }
    case 'hang':
      return; // the server keeps the response open until close()
    case 'redirect':
      ctx.res.writeHead(fault.status ?? 307, { Location: fault.location, 'X-Request-Id': ctx.requestId, 'Content-Length': '0' });
      ctx.res.end();
      return;
    case 'hugeBody':
      return streamHugeBody(ctx, record, fault.bytes ?? 128 * MiB, fault.declareLength ?? false);
    case 'stallBody':
      ctx.res.writeHead(200, { ...ctx.apiHeaders(), 'Content-Type': JSON_TYPE, 'Content-Length': '1000' });
      ctx.res.write('{"type":"admin",');
      return; // the rest never comes; close() drops the connection
    case 'echoSecrets':
      ctx.error(fault.status ?? 401, 'unauthorized', echoedMessage(ctx));
      return;
  }
}
