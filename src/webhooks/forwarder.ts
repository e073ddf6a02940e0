// Forwards a notification byte for byte, with its notification headers, to the developer's local app and
// classifies the outcome so the event log can say how to fix a failure.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { isLoopbackHost } from '../connect/authorize';

export type ForwardTargetProblem = 'invalid' | 'notHttp' | 'notLoopback' | 'receiver';

/**
 * Set on every request the forwarder sends. The receiver refuses requests that carry it, so a forward that
 * reaches a receiver (this one through a tunnel, or another window's) stops there instead of looping.
 */
export const FORWARDED_MARK = 'x-intercom-devtools-forwarded';

/**
 * Where forwarding may go: loopback only, unless the user (application-scoped) allowed other hosts, and never
 * the receiver itself (`receiverPorts`: where it listens, or will).
 */
export function checkForwardTarget(raw: string, allowOtherHosts: boolean, receiverPorts: readonly number[] = []): { url: URL } | { problem: ForwardTargetProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'notHttp' };
  if (url.username || url.password) return { problem: 'invalid' };
  if (!allowOtherHosts && !isLoopbackHost(url.hostname)) return { problem: 'notLoopback' };
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (isLoopbackHost(url.hostname) && receiverPorts.includes(port)) return { problem: 'receiver' };
  return { url };
}

export type ForwardFailure = 'refused' | 'timeout' | 'status' | 'network';

export type ForwardResult =
  | { ok: true; status: number; ms: number; at: number }
  | { ok: false; failure: ForwardFailure; ms: number; at: number; status?: number; bodyStart?: string; code?: string };

/**
 * The headers of a notification: what Intercom sends and a handler reads (and `X-Intercom-*`, should it add
 * some). Forwards, replays and Copy as curl carry these only, never what a sender added: an Authorization,
 * a Cookie or an X-Forwarded-For from whoever reached the receiver must not reach the app as if we sent it.
 */
const NOTIFICATION_HEADERS = new Set(['content-type', 'user-agent', 'x-hub-signature', 'x-body-signature']);

export function notificationHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => NOTIFICATION_HEADERS.has(name.toLowerCase()) || /^x-intercom-/i.test(name)));
}

const BODY_START = 200;
/** Kept-alive connections: a burst of notifications must not open a connection each. */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

function forwardedHeaders(headers: Readonly<Record<string, string>>, body: Uint8Array): Record<string, string> {
  return { ...notificationHeaders(headers), 'content-length': String(body.byteLength), [FORWARDED_MARK]: '1' };
}

export interface ForwardRequest {
  target: URL;
  body: Uint8Array;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
}

export function forward({ target, body, headers, timeoutMs }: ForwardRequest): Promise<ForwardResult> {
  const start = performance.now();
  const at = Date.now();
  const ms = () => Math.round(performance.now() - start);
  const client = target.protocol === 'https:' ? https : http;
  const options = { method: 'POST', headers: forwardedHeaders(headers, body) };
  return new Promise((resolve) => {
    let settled = false;
    let request: http.ClientRequest;
    const done = (result: ForwardResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const send = (again: boolean) => {
      // Once more on a connection of its own: the others kept alive may have been closed too.
      request = client.request(target, { ...options, agent: again ? false : agents[target.protocol as keyof typeof agents] }, (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < BODY_START) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('error', () => undefined); // the answer is already known from the status line
        response.on('end', () => {
          if (status >= 200 && status < 300) return done({ ok: true, status, ms: ms(), at });
          const bodyStart = Buffer.concat(chunks).toString('utf8').slice(0, BODY_START);
          done({ ok: false, failure: 'status', status, bodyStart, ms: ms(), at });
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the app closed as this was sent (its idle timeout ran out): once more, on a new one.
        if (!again && request.reusedSocket && error.code === 'ECONNRESET') return send(true);
        done({ ok: false, failure: error.code === 'ECONNREFUSED' ? 'refused' : 'network', code: error.code, ms: ms(), at });
      });
      request.end(body);
    };
    const timer = setTimeout(() => {
      done({ ok: false, failure: 'timeout', ms: ms(), at });
      request.destroy();
    }, timeoutMs);
    send(false);
  });
}
