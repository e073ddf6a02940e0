// The fake Intercom HTTP server (API overview: index.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ctx } from './context';
import { RATE_LIMIT_MESSAGE, sendFault } from './faults';
import { parseBody, readBody, send } from './http';
import { usWorkspace } from './profiles';
import { AVATAR_PATH, CONTACT_PATH, getAvatar, getContact, getList, getMe, postTag, postUninstall } from './routes/api';
import { DECISION_PATH, getOauth, postDecision, postToken } from './routes/oauth';
import { ROUTE_SCOPES } from './scopes';
import { newAccessToken, newRequestId } from './secrets';
import { FakeState, profileFrom } from './state';
import type {
  ClientRegistration, ConsentMode, Fault, RateLimitSettings, RecordedRequest, TokenInfo, WorkspaceProfile,
} from './types';

export interface StartOptions {
  /** Default 0: a free port. The server always binds 127.0.0.1. */
  port?: number;
  /** Default 'page'. Also what reset() restores. */
  consent?: ConsentMode;
  /** Default usWorkspace(). Also what reset() restores. */
  nextGrant?: WorkspaceProfile;
  clients?: ClientRegistration[];
  /** The clock for code expiry and rate-limit windows (default Date.now); advanceClock() adds to it. */
  now?: () => number;
  /** Default { limit: 10000, windowSeconds: 10 }. */
  rateLimit?: Partial<RateLimitSettings>;
}

interface RouteEntry {
  handler: (ctx: Ctx) => void;
  /** API routes get X-RateLimit-* headers and count against the rate limit. */
  api: boolean;
}

const ROUTES: Record<string, RouteEntry> = {
  'GET /oauth': { handler: getOauth, api: false },
  [`POST ${DECISION_PATH}`]: { handler: postDecision, api: false },
  'POST /auth/eagle/token': { handler: postToken, api: true },
  'GET /me': { handler: getMe, api: true },
  'POST /auth/uninstall': { handler: postUninstall, api: true },
  ...Object.fromEntries(Object.keys(ROUTE_SCOPES).map((route) => [route, { handler: getList, api: true }])),
  'POST /tags': { handler: postTag, api: true },
};

/** Routes with an id in the path: "GET /contacts/{id}". */
const routeOf = (method: string, pathname: string): RouteEntry | undefined =>
  ROUTES[`${method} ${pathname}`] ?? (method === 'GET' && CONTACT_PATH.test(pathname) ? { handler: getContact, api: true } : undefined);

/** "get  /me?x=1" → "GET /me"; '*' stays '*'. */
export function normalizeRoute(route: string): string {
  const trimmed = route.trim();
  if (trimmed === '*') return trimmed;
  const [method, path = ''] = trimmed.split(/\s+/, 2);
  return `${method.toUpperCase()} ${path.split('?')[0]}`;
}

export class FakeIntercom {
  /** http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  readonly port: number;
  private readonly state: FakeState;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing: Promise<void> | undefined;

  private constructor(private readonly server: Server, options: StartOptions) {
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    this.state = new FakeState(options.now ?? Date.now, {
      consent: options.consent ?? 'page',
      nextGrant: options.nextGrant ?? usWorkspace(),
      rateLimit: { limit: 10_000, windowSeconds: 10, ...options.rateLimit },
    });
    for (const client of options.clients ?? []) this.addClient(client);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  static start(options: StartOptions = {}): Promise<FakeIntercom> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(new FakeIntercom(server, options));
      });
    });
  }

  // --- OAuth setup ----------------------------------------------------------------------------

  /** 'page': GET /oauth shows the consent page; 'approve' / 'deny': it redirects at once. */
  get consent(): ConsentMode { return this.state.consent; }
  set consent(mode: ConsentMode) { this.state.consent = mode; }

  /** Who approves the next consent, and the scopes they grant. Copied into each code when it is issued. */
  get nextGrant(): WorkspaceProfile { return this.state.nextGrant; }
  set nextGrant(profile: WorkspaceProfile) { this.state.nextGrant = profile; }

  /** Registers (or replaces) an OAuth app. */
  addClient(client: ClientRegistration): void {
    for (const u of client.redirectUrls) new URL(u); // throws on a malformed URL
    this.state.addClient(client);
  }

  /** Issues a code as an approved consent would (no browser), bound to `profile` (default nextGrant). */
  createCode(clientId: string, options: { redirectUri?: string; profile?: WorkspaceProfile } = {}): string {
    const client = this.state.clients.get(clientId);
    if (!client) throw new Error(`createCode: unknown client ${clientId}`);
    return this.state.issueCode(clientId, options.redirectUri ?? client.redirectUrls[0], options.profile);
  }

  /** Makes every outstanding code expired (as if 5 minutes had passed). */
  expireCodes(): void { this.state.expireCodes(); }

  /** Moves the fake's clock forward (codes expire after 5 minutes; rate-limit windows roll). */
  advanceClock(ms: number): void { this.state.clockOffset += ms; }

  /** The fake's clock in ms. */
  now(): number { return this.state.now(); }

  // --- tokens ---------------------------------------------------------------------------------

  /**
   * Makes a token known (an Access Token of a private app). profile.me defaults to usWorkspace();
   * scopes (the argument, else profile.scopes) default to all. Returns the token (generated when omitted).
   */
  addToken(token: string = newAccessToken(), profile?: Partial<WorkspaceProfile>, scopes?: string[]): string {
    this.state.addToken(token, profileFrom(profile, scopes), 'accessToken');
    return token;
  }

  /** Live record of a token (change `profile` to change what /me answers), or undefined. */
  tokenInfo(token: string): TokenInfo | undefined { return this.state.tokens.get(token); }

  /** Every token issued by the exchange or added, oldest first. */
  get issuedTokens(): readonly string[] { return [...this.state.issuedTokens]; }

  isRevoked(token: string): boolean { return this.state.tokens.get(token)?.revoked ?? false; }

  /** Revokes a token as POST /auth/uninstall would. */
  revoke(token: string): void {
    const info = this.state.tokens.get(token);
    if (!info) throw new Error('revoke: unknown token');
    info.revoked = true;
  }

  // --- rate limit, faults, counters, log ------------------------------------------------------

  get rateLimit(): RateLimitSettings { return this.state.rateLimit; }
  set rateLimit(settings: RateLimitSettings) { this.state.rateLimit = { ...settings }; }

  /**
   * The next `times` requests to `route` ("GET /me", "POST /auth/eagle/token", or '*' for any route)
   * get `fault` instead of the normal answer. Faults queued for one route apply in order.
   */
  failNext(route: string, fault: Fault, times = 1): void {
    this.state.queueFault(normalizeRoute(route), fault, times);
  }

  clearFaults(): void { this.state.faults.clear(); }

  /** Requests received for `route` (all routes when omitted), faulted ones included. */
  count(route?: string): number {
    if (route === undefined) return this.state.requests.length;
    return this.state.counts.get(normalizeRoute(route)) ?? 0;
  }

  /** Every request since start/reset(), oldest first (a live array). */
  get requests(): RecordedRequest[] { return this.state.requests; }

  requestsTo(route: string): RecordedRequest[] {
    const key = normalizeRoute(route);
    return this.state.requests.filter((r) => r.route === key);
  }

  lastRequest(route?: string): RecordedRequest | undefined {
    const list = route === undefined ? this.state.requests : this.requestsTo(route);
    return list[list.length - 1];
  }

  // --- static pages ---------------------------------------------------------------------------

  /**
   * Serves `body` at GET `path`; a path ending in '/' serves every path below it (query ignored).
   * Returns the page's URL, e.g. serveStatic('/bridge/', html) → http://127.0.0.1:PORT/bridge/.
   */
  serveStatic(path: string, body: string | Buffer, contentType = 'text/html; charset=utf-8'): string {
    if (!path.startsWith('/')) throw new Error(`serveStatic: path must start with '/' (got ${path})`);
    this.state.staticPages.set(path, { body, contentType });
    return this.url + path;
  }

  // --- lifecycle ------------------------------------------------------------------------------

  /**
   * Clears faults, counters, the request log, outstanding codes and the clock offset; restores consent,
   * nextGrant and rateLimit to the start options. Keeps clients, tokens (and their revocation) and static pages.
   */
  reset(): void { this.state.reset(); }

  /** Stops listening and drops every open connection (hung and delayed requests included). */
  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => {
      for (const t of this.timers) clearTimeout(t);
      this.timers.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  // --- request handling -----------------------------------------------------------------------

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private staticPage(pathname: string) {
    const exact = this.state.staticPages.get(pathname);
    if (exact) return exact;
    let best: string | undefined;
    for (const prefix of this.state.staticPages.keys()) {
      if (prefix.endsWith('/') && pathname.startsWith(prefix) && (!best || prefix.length > best.length)) best = prefix;
    }
    return best === undefined ? undefined : this.state.staticPages.get(best);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    try {
      const rawBody = await readBody(req);
      const target = req.url ?? '/';
      // Concatenate instead of resolving against a base, so "//host/x" stays a path.
      const url = new URL(this.url + (target.startsWith('/') ? target : `/${target}`));
      const method = (req.method ?? 'GET').toUpperCase();
      const route = `${method} ${url.pathname}`;
      const record: RecordedRequest = {
        route, method, path: url.pathname, url: target, query: Object.fromEntries(url.searchParams),
        headers: { ...req.headers }, body: parseBody(req.headers['content-type'], rawBody), rawBody, at: this.state.now(),
      };
      this.state.requests.push(record);
      this.state.countRequest(route);
      res.on('finish', () => { record.status = res.statusCode; });

      const ctx = new Ctx(this.state, req, res, url, route, record.body, requestId, this.url);
      const entry = routeOf(method, url.pathname);
      if (entry?.api) ctx.rate = this.state.takeRate();

      let fault = this.state.takeFault(route);
      while (fault?.kind === 'delay') {
        record.fault = 'delay';
        await this.sleep(fault.ms);
        fault = fault.then;
      }
      if (this.closing) return;
      if (fault) {
        record.fault = fault.kind;
        return sendFault(ctx, fault, record);
      }
      if (ctx.rate?.exceeded) return ctx.error(429, 'rate_limit_exceeded', RATE_LIMIT_MESSAGE);
      if (entry) return entry.handler(ctx);
      if (method === 'GET' && AVATAR_PATH.test(url.pathname)) return getAvatar(ctx);
      const page = method === 'GET' ? this.staticPage(url.pathname) : undefined;
      if (page) return send(res, 200, page.contentType, page.body, { 'Cache-Control': 'no-store', 'X-Request-Id': requestId });
      ctx.error(404, 'not_found', 'Resource Not Found');
    } catch (err) {
      const body = JSON.stringify({ type: 'error.list', request_id: requestId, errors: [{ code: 'server_error', message: `Fake Intercom: ${String(err)}` }] });
      send(res, 500, 'application/json; charset=utf-8', body, { 'X-Request-Id': requestId });
    }
  }
}

