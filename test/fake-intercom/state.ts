// Everything the fake remembers: OAuth clients, codes, tokens, per-route faults, counters, the request log.
import { cloneProfile, usWorkspace } from './profiles';
import { newAccessToken, newAuthorizationCode } from './secrets';
import type {
  ClientRegistration, ConsentMode, Fault, RateLimitSettings, RecordedRequest, TokenInfo, WorkspaceProfile,
} from './types';

/** Intercom: "the authorization code expires after about 5 minutes". */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  profile: WorkspaceProfile;
  issuedAt: number;
  expired: boolean;
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

export interface RateSnapshot {
  limit: number;
  remaining: number;
  /** Unix seconds. */
  reset: number;
  exceeded: boolean;
}

export interface StaticPage {
  body: string | Buffer;
  contentType: string;
}

export interface StateDefaults {
  consent: ConsentMode;
  nextGrant: WorkspaceProfile;
  rateLimit: RateLimitSettings;
}

export class FakeState {
  readonly clients = new Map<string, Required<ClientRegistration>>();
  readonly codes = new Map<string, CodeRecord>();
  readonly tokens = new Map<string, TokenInfo>();
  readonly issuedTokens: string[] = [];
  readonly staticPages = new Map<string, StaticPage>();
  readonly requests: RecordedRequest[] = [];
  readonly counts = new Map<string, number>();
  readonly faults = new Map<string, QueuedFault[]>();
  consent: ConsentMode;
  nextGrant: WorkspaceProfile;
  rateLimit: RateLimitSettings;
  clockOffset = 0;
  private window = { start: 0, used: 0 };

  constructor(private readonly baseNow: () => number, private readonly defaults: StateDefaults) {
    this.consent = defaults.consent;
    this.nextGrant = cloneProfile(defaults.nextGrant);
    this.rateLimit = { ...defaults.rateLimit };
  }

  now(): number {
    return this.baseNow() + this.clockOffset;
  }

  /** Clears faults, counters, log, outstanding codes and the clock offset; restores consent, nextGrant, rateLimit. */
  reset(): void {
    this.faults.clear();
    this.counts.clear();
    this.requests.length = 0;
    this.codes.clear();
    this.clockOffset = 0;
    this.window = { start: 0, used: 0 };
    this.consent = this.defaults.consent;
    this.nextGrant = cloneProfile(this.defaults.nextGrant);
    this.rateLimit = { ...this.defaults.rateLimit };
  }

  // --- OAuth clients, codes, tokens ------------------------------------------------------------

  addClient(c: ClientRegistration): void {
    if (c.redirectUrls.length === 0) throw new Error('addClient: at least one redirect URL is required');
    this.clients.set(c.clientId, { appName: 'Test App', ...c, redirectUrls: [...c.redirectUrls] });
  }

  issueCode(clientId: string, redirectUri: string, profile: WorkspaceProfile = this.nextGrant): string {
    let code = newAuthorizationCode();
    while (this.codes.has(code)) code = newAuthorizationCode();
    this.codes.set(code, { clientId, redirectUri, profile: cloneProfile(profile), issuedAt: this.now(), expired: false });
    return code;
  }

  /**
   * The token exchange. Any mismatch — unknown, mangled, reused or expired code, or wrong client
   * credentials — is undefined (Intercom answers all of them with 401 "Unauthorized Code").
   */
  redeemCode(code: string, clientId: string, clientSecret: string): TokenInfo | undefined {
    const client = this.clients.get(clientId);
    if (!client || client.clientSecret !== clientSecret) return undefined;
    const record = this.codes.get(code);
    if (!record || record.clientId !== clientId) return undefined;
    this.codes.delete(code); // single use (also drops expired ones)
    if (record.expired || this.now() - record.issuedAt > CODE_LIFETIME_MS) return undefined;
    return this.addToken(newAccessToken(), record.profile, 'oauth', clientId);
  }

  addToken(token: string, profile: WorkspaceProfile, kind: TokenInfo['kind'], clientId?: string): TokenInfo {
    const info: TokenInfo = { token, kind, profile: cloneProfile(profile), revoked: false, ...(clientId ? { clientId } : {}) };
    this.tokens.set(token, info);
    this.issuedTokens.push(token);
    return info;
  }

  expireCodes(): void {
    for (const record of this.codes.values()) record.expired = true;
  }

  // --- faults, counters -----------------------------------------------------------------------

  queueFault(route: string, fault: Fault, times: number): void {
    if (!(times > 0)) throw new Error(`failNext: times must be positive (got ${times})`);
    const queue = this.faults.get(route) ?? [];
    queue.push({ fault, remaining: times });
    this.faults.set(route, queue);
  }

  /** The fault for this request, if one is queued for its route (or for '*'), consuming one use. */
  takeFault(route: string): Fault | undefined {
    for (const key of [route, '*']) {
      const queue = this.faults.get(key);
      const head = queue?.[0];
      if (!queue || !head) continue;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      if (queue.length === 0) this.faults.delete(key);
      return head.fault;
    }
    return undefined;
  }

  countRequest(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  // --- rate limit -----------------------------------------------------------------------------

  /** Uses one request of the current window. */
  takeRate(): RateSnapshot {
    const now = this.now();
    const windowMs = this.rateLimit.windowSeconds * 1000;
    if (now >= this.window.start + windowMs || now < this.window.start) this.window = { start: now, used: 0 };
    this.window.used += 1;
    return {
      limit: this.rateLimit.limit,
      remaining: Math.max(0, this.rateLimit.limit - this.window.used),
      reset: Math.ceil((this.window.start + windowMs) / 1000),
      exceeded: this.window.used > this.rateLimit.limit,
    };
  }
}

/** addToken's profile: the given /me (default the US sample) and scopes (the argument wins; default all). */
export function profileFrom(profile?: Partial<WorkspaceProfile>, scopes?: string[]): WorkspaceProfile {
  const out = profile?.me ? cloneProfile({ me: profile.me }) : usWorkspace();
  const granted = scopes ?? profile?.scopes;
  if (granted) out.scopes = [...granted];
  return out;
}
