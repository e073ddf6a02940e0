// The webhook event log: newest first, the last N deliveries, duplicates (same notification id) grouped,
// and plain JSON so it can live in workspace storage and survive a reload.
import type { ForwardResult } from './forwarder';
import type { Rejection } from './receiver';
import type { SignatureVerdict } from './signature';

export const DEFAULT_LOG_LIMIT = 500;

export interface WebhookEvent {
  /** Unique per delivery in this log. */
  key: string;
  /** Epoch ms. */
  receivedAt: number;
  /** A delivery to the receiver, or a test notification the extension sent itself. */
  source: 'delivery' | 'test';
  method: string;
  /** What the receiver answered (or the test target's status, for test events). */
  status: number;
  /** Lower-case header names, as received. */
  headers: Record<string, string>;
  /** The exact bytes received, base64 (empty when they were not kept: too large, not a POST). */
  bodyBase64: string;
  /** How many bytes arrived (a rejected body may not be kept). */
  size: number;
  /** From the JSON envelope, when the body parsed. */
  notificationId?: string;
  topic?: string;
  attempt?: number;
  signature?: SignatureVerdict;
  rejected?: Rejection;
  forward?: ForwardResult;
  /** Times Replay sent it again. */
  replays?: number;
}

/** Deliveries of one notification id (or one delivery without an id), newest delivery first. */
export interface EventGroup {
  key: string;
  events: WebhookEvent[];
}

export function bodyOf(event: WebhookEvent): Buffer {
  return Buffer.from(event.bodyBase64, 'base64');
}

/** The envelope fields the log shows; anything that does not parse leaves them out. */
export function summarize(body: Uint8Array): Pick<WebhookEvent, 'notificationId' | 'topic' | 'attempt'> {
  try {
    const parsed = Object(JSON.parse(Buffer.from(body).toString('utf8'))) as Record<string, unknown>;
    // Only the fields present: undefined would not survive the JSON round trip through storage.
    const summary: Pick<WebhookEvent, 'notificationId' | 'topic' | 'attempt'> = {};
    if (typeof parsed.id === 'string') summary.notificationId = parsed.id;
    if (typeof parsed.topic === 'string') summary.topic = parsed.topic;
    if (typeof parsed.delivery_attempts === 'number') summary.attempt = parsed.delivery_attempts;
    return summary;
  } catch {
    return {};
  }
}

export class EventLog {
  private events: WebhookEvent[];

  constructor(private limit = DEFAULT_LOG_LIMIT, stored: unknown = []) {
    this.events = Array.isArray(stored) ? stored.filter(isEvent).slice(0, limit) : [];
  }

  get size(): number {
    return this.events.length;
  }

  setLimit(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    this.events.length = Math.min(this.events.length, this.limit);
  }

  add(event: WebhookEvent): void {
    this.events.unshift(event);
    if (this.events.length > this.limit) this.events.length = this.limit;
  }

  get(key: string): WebhookEvent | undefined {
    return this.events.find((e) => e.key === key);
  }

  /** Changes a logged event in place; false when it has already left the log. */
  update(key: string, patch: Partial<WebhookEvent>): boolean {
    const event = this.get(key);
    if (event) Object.assign(event, patch);
    return event !== undefined;
  }

  clear(): void {
    this.events = [];
  }

  /** Newest first. */
  list(): readonly WebhookEvent[] {
    return this.events;
  }

  /** Newest first, each notification id once, at the place of its newest delivery. */
  groups(): EventGroup[] {
    const byId = new Map<string, EventGroup>();
    const groups: EventGroup[] = [];
    for (const event of this.events) {
      const id = event.notificationId;
      const existing = id === undefined ? undefined : byId.get(id);
      if (existing) {
        existing.events.push(event);
        continue;
      }
      const group = { key: id === undefined ? event.key : `notif:${id}`, events: [event] };
      if (id !== undefined) byId.set(id, group);
      groups.push(group);
    }
    return groups;
  }

  toJSON(): WebhookEvent[] {
    return this.events;
  }
}

function isEvent(value: unknown): value is WebhookEvent {
  const e = value as WebhookEvent;
  return typeof e === 'object' && e !== null && typeof e.key === 'string' && typeof e.receivedAt === 'number' && typeof e.bodyBase64 === 'string';
}
