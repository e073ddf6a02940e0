// The local webhook receiver: a node:http server on 127.0.0.1. It answers at once (HEAD → 200 for
// Intercom's URL check, a POST with JSON → 200) and hands every request, bad ones included, to
// `onRequest` after answering, so nothing a caller does can delay Intercom or crash the server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

export type Rejection = 'notJson' | 'tooLarge' | 'method' | 'timeout';

/** The status and message each bad input gets: a developer reading a curl reply knows what to change. */
export const REJECTIONS: Record<Rejection, { status: number; message: (limits: { maxBytes: number; timeoutMs: number }) => string }> = {
  notJson: { status: 400, message: () => 'The body is not JSON. Intercom sends notifications as application/json; send the JSON envelope.' },
  tooLarge: { status: 413, message: ({ maxBytes }) => `The body is larger than ${maxBytes} bytes, the receiver's limit. Intercom notifications are far smaller; check what is being sent.` },
  method: { status: 405, message: () => 'Only POST (notifications) and HEAD (Intercom\'s URL check) are accepted here.' },
  timeout: { status: 408, message: ({ timeoutMs }) => `The body did not arrive within ${timeoutMs / 1000} s. Send the whole request at once.` },
};

export interface ReceivedRequest {
  receivedAt: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The exact bytes received (empty when rejected before reading). */
  body: Buffer;
  /** Bytes that arrived, kept or not. */
  size: number;
  status: number;
  rejected?: Rejection;
}

export interface ReceiverOptions {
  port: number;
  host?: string;
  maxBytes?: number;
  bodyTimeoutMs?: number;
  onRequest(request: ReceivedRequest): void;
  /** Something unexpected that was caught instead of crashing. */
  onError?(error: unknown): void;
}

/** Header names lower-cased, repeated values joined as Node does. */
function flatHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    headers[name] = name in headers ? `${headers[name]}, ${raw[i + 1]}` : raw[i + 1];
  }
  return headers;
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

export class WebhookReceiver {
  private constructor(private readonly server: http.Server) {}

  static start(options: ReceiverOptions): Promise<WebhookReceiver> {
    const server = http.createServer((req, res) => {
      try {
        handle(req, res, options);
      } catch (error) {
        options.onError?.(error);
        if (!res.headersSent) res.writeHead(500).end();
      }
    });
    // Our own body timeout answers 408 and is logged; the server's defaults would cut in silently.
    server.requestTimeout = 0;
    server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        server.on('error', (error) => options.onError?.(error));
        resolve(new WebhookReceiver(server));
      });
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, options: ReceiverOptions): void {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const timeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const base = { receivedAt: Date.now(), method: req.method ?? '', path: req.url ?? '/', headers: flatHeaders(req.rawHeaders) };
  const report = (request: ReceivedRequest) => {
    try {
      options.onRequest(request);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const reject = (rejected: Rejection, body: Buffer, size: number, close: boolean) => {
    const { status, message } = REJECTIONS[rejected];
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8' };
    if (rejected === 'method') headers.allow = 'HEAD, POST';
    if (close) headers.connection = 'close';
    res.writeHead(status, headers).end(`${message({ maxBytes, timeoutMs })}\n`);
    // Stop reading: whatever else the client sends is not wanted.
    if (close) res.on('finish', () => req.socket.destroy());
    report({ ...base, body, size, status, rejected });
  };

  if (req.method === 'HEAD') {
    res.writeHead(200).end();
    req.resume();
    return;
  }
  if (req.method !== 'POST') {
    req.resume();
    reject('method', Buffer.alloc(0), 0, false);
    return;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    reject('tooLarge', Buffer.alloc(0), 0, true);
    return;
  }

  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = () => {
    finished = true;
    clearTimeout(timer);
  };
  const timer = setTimeout(() => {
    if (finished) return;
    finish();
    reject('timeout', Buffer.concat(chunks), size, true);
  }, timeoutMs);
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > maxBytes) {
      finish();
      chunks.length = 0;
      reject('tooLarge', Buffer.alloc(0), size, true);
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => finish());
  req.on('end', () => {
    if (finished) return;
    finish();
    const body = Buffer.concat(chunks);
    if (!isJson(body)) return reject('notJson', body, size, false);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}\n');
    report({ ...base, body, size, status: 200 });
  });
}

/** A port nothing listens on right now, to offer when the configured one is taken. */
export function findFreePort(): Promise<number> {
  const server = http.createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
