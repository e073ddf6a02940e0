// Faults the fake serves on demand (see FakeIntercom.failNext), and shorthands to build them.
import type { Ctx } from './context';
import { HTML_TYPE, JSON_TYPE, send } from './http';
import type { Fault } from './types';

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
} as const;

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

/** Answers with the fault (not for 'delay', which the server handles by waiting). */
export function sendFault(ctx: Ctx, fault: Exclude<Fault, { kind: 'delay' }>): void {
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
  }
}
