// Connects waiting for their callback, keyed by a single-use nonce carried inside the callback URI.
// Several Connects may be in flight; each nonce is 256 random bits, expires after 10 minutes, and is
// compared in constant time. Spent nonces are remembered (briefly) so a replay or a late callback
// gets a precise answer instead of "unknown".
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CallbackPayload } from './uriPayload';

export const NONCE_TTL_MS = 10 * 60 * 1000;
const SPENT_MEMORY = 64;

export type ClosedReason = 'cancelled' | 'timedOut';

export type Delivery =
  | { status: 'delivered' }
  | { status: 'missing' } // no nonce at all
  | { status: 'unknown' } // not one of ours (forged, or from an earlier VS Code session)
  | { status: 'expired' }
  | { status: 'replayed' }
  | { status: 'closed'; reason: ClosedReason };

export interface PendingConnect {
  nonce: string;
  /** Settles with the forwarded payload; never rejects. */
  callback: Promise<CallbackPayload>;
  /** Ends the wait (cancel, timeout): a later callback with this nonce is refused as closed. */
  close(reason: ClosedReason): void;
}

interface Waiting {
  expiresAt: number;
  resolve(payload: CallbackPayload): void;
}

type Spent = 'used' | 'expired' | ClosedReason;

const digest = (s: string) => createHash('sha256').update(s).digest();

export class PendingConnects {
  private readonly waiting = new Map<string, Waiting>();
  private readonly spent = new Map<string, Spent>();

  constructor(private readonly now: () => number = Date.now, private readonly ttlMs = NONCE_TTL_MS) {}

  start(): PendingConnect {
    const nonce = randomBytes(32).toString('base64url');
    let resolve!: (p: CallbackPayload) => void;
    const callback = new Promise<CallbackPayload>((r) => (resolve = r));
    this.waiting.set(nonce, { expiresAt: this.now() + this.ttlMs, resolve });
    return { nonce, callback, close: (reason) => this.retire(nonce, reason) };
  }

  get size(): number {
    return this.waiting.size;
  }

  /** Hands the payload to the Connect that owns `nonce`, at most once. */
  deliver(nonce: string | undefined, payload: CallbackPayload): Delivery {
    if (!nonce) return { status: 'missing' };
    const waitingKey = this.find(this.waiting.keys(), nonce);
    if (waitingKey !== undefined) {
      const entry = this.waiting.get(waitingKey)!;
      if (this.now() > entry.expiresAt) {
        this.retire(waitingKey, 'expired');
        return { status: 'expired' };
      }
      this.retire(waitingKey, 'used');
      entry.resolve(payload);
      return { status: 'delivered' };
    }
    const spentKey = this.find(this.spent.keys(), nonce);
    if (spentKey === undefined) return { status: 'unknown' };
    const why = this.spent.get(spentKey)!;
    if (why === 'used') return { status: 'replayed' };
    if (why === 'expired') return { status: 'expired' };
    return { status: 'closed', reason: why };
  }

  private retire(nonce: string, why: Spent): void {
    if (!this.waiting.delete(nonce)) return;
    this.spent.set(nonce, why);
    if (this.spent.size > SPENT_MEMORY) this.spent.delete(this.spent.keys().next().value!);
  }

  /** Constant-time: compares digests against every candidate without stopping at a match. */
  private find(keys: Iterable<string>, nonce: string): string | undefined {
    const wanted = digest(nonce);
    let match: string | undefined;
    for (const key of keys) {
      if (timingSafeEqual(digest(key), wanted)) match = key;
    }
    return match;
  }
}
