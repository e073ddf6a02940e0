// The local webhook receiver: a node:http server on 127.0.0.1. It answers at once (HEAD → 200 for
// Intercom's URL check, a POST with JSON → 200) and hands every request, bad ones included, to
// `onRequest` after answering, so nothing a caller does can delay Intercom or crash the server.
// Any local process, any web page and (once the port is public) anyone can reach it, so it also bounds
// what they can make it hold: bodies being read, connections, and the time a request may take; it
// answers only requests addressed to it (a page that rebinds its DNS name to 127.0.0.1 is not) and
// bodies declared JSON (a page cannot send one without a CORS preflight, which gets 405).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isLoopbackHost } from '../connect/authorize';
import type { Summary } from './envelope';
import { FORWARDED_MARK } from './forwarder';
import { checkJson, OffThreadJson, type JsonCheck } from './jsonCheck';
import { SmallestFirst } from './smallestFirst';

export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** Open connections; past it the one waiting longest for a client (half-sent headers, idle) is closed. */
export const DEFAULT_MAX_CONNECTIONS = 256;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Bytes of bodies being read or waiting to be checked, all requests together. */
export const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** A body this small is always read (notifications pass even while large uploads fill the budget) and parsed here. */
const SMALL_BODY_BYTES = 64 * 1024;

export type Rejection = 'notJson' | 'tooLarge' | 'method' | 'timeout' | 'contentType' | 'host' | 'loop' | 'busy';

/** The status and message each bad input gets: a developer reading a curl reply knows what to change. */
export const REJECTIONS: Record<Rejection, { status: number; message: (limits: { maxBytes: number; timeoutMs: number }) => string }> = {
  notJson: { status: 400, message: () => 'The body is not JSON. Intercom sends notifications as application/json; send the JSON envelope.' },
  tooLarge: { status: 413, message: ({ maxBytes }) => `The body is larger than ${maxBytes} bytes, the receiver's limit. Intercom notifications are far smaller; check what is being sent.` },
  method: { status: 405, message: () => 'Only POST (notifications) and HEAD (Intercom\'s URL check) are accepted here.' },
  timeout: { status: 408, message: ({ timeoutMs }) => `The body did not arrive within ${timeoutMs / 1000} s. Send the whole request at once.` },
  contentType: { status: 415, message: () => 'Send the notification with Content-Type: application/json, as Intercom does.' },
  host: { status: 421, message: () => 'The Host header does not name this receiver (localhost). A tunnel that keeps its own host name: add that name to intercom.webhooks.tunnelHosts in your user settings, or have the tunnel rewrite Host to localhost.' },
  loop: { status: 508, message: () => 'This request was forwarded by an Intercom webhook receiver; forwarding it again would loop. Point intercom.webhooks.forwardTo at your app, not at a webhook receiver.' },
  busy: { status: 503, message: () => 'The receiver is reading other large requests. Retry in a second.' },
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
  /** The envelope's fields, read while the body was checked (JSON bodies only). */
  summary?: Summary;
}

export interface ReceiverOptions {
  port: number;
  host?: string;
  maxBytes?: number;
  bodyTimeoutMs?: number;
  maxConnections?: number;
  headersTimeoutMs?: number;
  maxBufferedBytes?: number;
  /** Host names besides the loopback ones that requests may be addressed to (a tunnel's, the forwarded URL's). */
  hosts?(): readonly string[];
  /** The script that parses large bodies off this thread (dist/jsonWorker.js); without it they are parsed here. */
  jsonWorker?: string;
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

const isJsonType = (contentType: string | undefined) => /^application\/json\s*(;|$)/i.test(contentType?.trim() ?? '');

function namesReceiver(host: string | undefined, extra: readonly string[]): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  return isLoopbackHost(hostname) || extra.some((name) => name.toLowerCase() === hostname);
}

/**
 * Which connection gives way when too many are open: the one that has waited longest for its client
 * (to finish its headers or body, or to send its next request). A sender that sends its request at once is
 * almost never that one; a connection that trickles its headers is.
 */
class Connections {
  private readonly waiting = new Set<Socket>();
  private open = 0;

  constructor(private readonly limit: number) {}

  opened(socket: Socket): void {
    this.open++;
    this.wait(socket);
    socket.on('close', () => {
      this.open--;
      this.waiting.delete(socket);
    });
    if (this.open <= this.limit) return;
    const [longest] = this.waiting;
    if (longest && longest !== socket) longest.destroy();
  }

  /** The client owes us bytes again (or the next request); moved to the end of the line. */
  wait(socket: Socket): void {
    if (socket.destroyed) return;
    this.waiting.delete(socket);
    this.waiting.add(socket);
  }

  /** The request has arrived whole: ours to answer, not to close. */
  busy(socket: Socket): void {
    this.waiting.delete(socket);
  }
}

interface Limits {
  maxBytes: number;
  timeoutMs: number;
  maxBufferedBytes: number;
}

export class WebhookReceiver {
  private constructor(private readonly server: http.Server, private readonly offThread: OffThreadJson | undefined) {}

  static start(options: ReceiverOptions): Promise<WebhookReceiver> {
    const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
    const limits: Limits = {
      maxBytes: options.maxBytes ?? MAX_BODY_BYTES,
      timeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
      maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
    };
    const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
    const connections = new Connections(maxConnections);
    const work = new SmallestFirst((error) => options.onError?.(error));
    const offThread = options.jsonWorker ? new OffThreadJson(options.jsonWorker) : undefined;
    const buffered = { bytes: 0 };
    // Node enforces the timeouts on this interval: often enough that a stalled connection goes within a second.
    const server = http.createServer({ connectionsCheckingInterval: Math.min(1000, headersTimeout) }, (req, res) => {
      try {
        handle(req, res, { options, limits, connections, work, offThread, buffered });
      } catch (error) {
        options.onError?.(error);
        if (!res.headersSent) res.writeHead(500).end();
      }
    });
    server.headersTimeout = headersTimeout;
    // A backstop behind our own body timeout, which answers 408 and is logged.
    server.requestTimeout = headersTimeout + limits.timeoutMs + 5000;
    // Past our own limit connections are closed one for one; this is the hard stop if none can be.
    server.maxConnections = 2 * maxConnections;
    server.on('connection', (socket: Socket) => connections.opened(socket));
    // Garbage, or headers that did not arrive in time: answered, then closed whether the client closes or not.
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`, () => socket.destroy());
      else socket.destroy();
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        server.on('error', (error) => options.onError?.(error));
        resolve(new WebhookReceiver(server, offThread));
      });
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.offThread?.close();
  }
}

interface Context {
  options: ReceiverOptions;
  limits: Limits;
  connections: Connections;
  work: SmallestFirst;
  offThread: OffThreadJson | undefined;
  /** Bytes of bodies being read or waiting to be checked. */
  buffered: { bytes: number };
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, { options, limits, connections, work, offThread, buffered }: Context): void {
  const { maxBytes, timeoutMs } = limits;
  const base = { receivedAt: Date.now(), method: req.method ?? '', path: req.url ?? '/', headers: flatHeaders(req.rawHeaders) };
  const socket = req.socket;
  connections.wait(socket);
  res.on('finish', () => connections.wait(socket));
  const report = (request: ReceivedRequest) => {
    try {
      options.onRequest(request);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const reject = (rejected: Rejection, body: Buffer, size: number, close: boolean) => {
    connections.busy(socket);
    const { status, message } = REJECTIONS[rejected];
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8' };
    if (rejected === 'method') headers.allow = 'HEAD, POST';
    if (rejected === 'busy') headers['retry-after'] = '1';
    if (close) headers.connection = 'close';
    res.writeHead(status, headers).end(`${message({ maxBytes, timeoutMs })}\n`);
    // Stop reading: whatever else the client sends is not wanted.
    if (close) res.on('finish', () => socket.destroy());
    report({ ...base, body, size, status, rejected });
  };
  // Whatever is not read is not wanted: the connection closes after the answer.
  const refuse = (rejected: Rejection) => reject(rejected, Buffer.alloc(0), 0, !req.complete);

  if (!namesReceiver(req.headers.host, options.hosts?.() ?? [])) return refuse('host');
  if (req.method === 'HEAD') {
    connections.busy(socket);
    res.writeHead(200).end();
    req.resume();
    return;
  }
  if (req.method !== 'POST') return refuse('method');
  if (req.headers[FORWARDED_MARK] !== undefined) return refuse('loop');
  if (!isJsonType(req.headers['content-type'])) return refuse('contentType');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return refuse('tooLarge');
  /** Whether a body of `total` bytes may hold `more` bytes beyond what it holds now. */
  const admits = (total: number, more: number) => total <= SMALL_BODY_BYTES || buffered.bytes + more <= limits.maxBufferedBytes;
  if (Number.isFinite(declared) && !admits(declared, declared)) return refuse('busy');

  const chunks: Buffer[] = [];
  let size = 0;
  let held = 0;
  const hold = (bytes: number) => {
    buffered.bytes += bytes - held;
    held = bytes;
  };
  let finished = false;
  const finish = () => {
    finished = true;
    clearTimeout(timer);
  };
  const release = () => hold(0);
  const timer = setTimeout(() => {
    if (finished) return;
    finish();
    release();
    reject('timeout', Buffer.concat(chunks), size, true);
  }, timeoutMs);
  hold(Number.isFinite(declared) ? declared : 0);
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    const tooLarge = size > maxBytes;
    if (tooLarge || (size > held && !admits(size, size - held))) {
      finish();
      release();
      chunks.length = 0;
      reject(tooLarge ? 'tooLarge' : 'busy', Buffer.alloc(0), size, true);
      return;
    }
    hold(Math.max(held, size));
    chunks.push(chunk);
  });
  req.on('error', () => {
    finish();
    release();
  });
  req.on('end', () => {
    if (finished) return;
    finish();
    connections.busy(socket);
    const body = Buffer.concat(chunks);
    const answer = (check: JsonCheck) => {
      release();
      if (!check.json) return reject('notJson', body, size, false);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}\n');
      report({ ...base, body, size, status: 200, summary: check.summary });
    };
    const here = () => work.push(body.length, () => answer(checkJson(body)));
    if (!offThread || body.length <= SMALL_BODY_BYTES) return here();
    // Its answer comes back as a message: answering it is small work, done at once.
    offThread.check(body).then((check) => (check ? answer(check) : here())).catch((error: unknown) => options.onError?.(error));
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
