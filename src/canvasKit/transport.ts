// How the simulator reaches the app: an interface, so the engine runs against any sender, and the one
// sender used in practice, node:http. Like the webhook forwarder's target, a URL is loopback only unless
// the user allowed other hosts; redirects are never followed; a reply past the cap is cut off.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { checkForwardTarget } from '../webhooks/forwarder';

export interface OutgoingRequest {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type TransportFailure = 'blocked' | 'refused' | 'network' | 'timeout' | 'tooLarge' | 'cancelled';

export type TransportResult =
  | { ok: true; status: number; headers: Record<string, string>; body: Buffer; ms: number }
  | { ok: false; failure: TransportFailure; ms: number; detail?: string };

export interface CanvasTransport {
  send(request: OutgoingRequest): Promise<TransportResult>;
}

/** Far above Canvas Kit's three 64 KB fields: a reply this large is a bug, not a canvas. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

const BLOCKED: Readonly<Record<string, string>> = {
  invalid: 'is not a valid http(s) URL without credentials',
  notHttp: 'is not http or https',
  notLoopback: 'is not on this machine; allow other hosts in the settings to send there',
};

export interface HttpTransportOptions {
  /** The application-scoped setting that lets requests leave this machine. */
  allowOtherHosts: boolean;
  maxReplyBytes?: number;
}

export function createHttpTransport({ allowOtherHosts, maxReplyBytes = MAX_REPLY_BYTES }: HttpTransportOptions): CanvasTransport {
  return {
    send: ({ url, headers, body, timeoutMs, signal }) => new Promise((resolve) => {
      const start = performance.now();
      const ms = () => Math.round(performance.now() - start);
      const target = checkForwardTarget(url, allowOtherHosts);
      if ('problem' in target) return resolve({ ok: false, failure: 'blocked', ms: 0, detail: `${url} ${BLOCKED[target.problem]}` });
      let settled = false;
      const done = (result: TransportResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        request.destroy();
        resolve(result);
      };
      const client = target.url.protocol === 'https:' ? https : http;
      // A connection per request: a developer's app restarts often, and a kept-alive socket to the old
      // process fails the next request with ECONNRESET.
      const request = client.request(target.url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxReplyBytes) done({ ok: false, failure: 'tooLarge', ms: ms(), detail: `more than ${maxReplyBytes} bytes` });
          else chunks.push(chunk);
        });
        response.on('error', (e: NodeJS.ErrnoException) => done({ ok: false, failure: 'network', ms: ms(), detail: e.code ?? e.message }));
        response.on('end', () => {
          const replyHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) replyHeaders[name] = String(value);
          done({ ok: true, status: response.statusCode ?? 0, headers: replyHeaders, body: Buffer.concat(chunks), ms: ms() });
        });
      });
      const timer = setTimeout(() => done({ ok: false, failure: 'timeout', ms: ms() }), timeoutMs);
      const abort = () => done({ ok: false, failure: 'cancelled', ms: ms() });
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort);
      request.on('error', (e: NodeJS.ErrnoException) => done({ ok: false, failure: e.code === 'ECONNREFUSED' ? 'refused' : 'network', ms: ms(), detail: e.code ?? e.message }));
      request.end(body);
    }),
  };
}
