// The webhook event log: newest first, the last N deliveries, duplicates (same notification id) grouped.
// Each event is a row of plain JSON and a record of what it received, saved one by one in its store
// (eventStore.ts). The bytes kept are capped per event and in total: past the total the oldest bodies go
// first, and their rows stay with a note.
import type { ForwardResult } from './forwarder';
import type { Rejection } from './receiver';
import { isEventKey, recordSize, type DeliveryRecord, type EventStore } from './eventStore';
import type { SignatureVerdict } from './signature';

export const DEFAULT_LOG_LIMIT = 500;
/** The most rows intercom.webhooks.maxEvents may ask for: the log is read whole when a window opens. */
export const MAX_EVENTS = 2000;

export interface KeptLimits {
  /** A record larger than this keeps its headers only. */
  perEvent: number;
  total: number;
}

export const KEPT_LIMITS: KeptLimits = { perEvent: 256 * 1024, total: 16 * 1024 * 1024 };

/** The number of events to keep, within its bounds, from a setting that may hold anything. */
export function logLimit(setting: unknown): number {
  if (typeof setting !== 'number' || !Number.isFinite(setting)) return DEFAULT_LOG_LIMIT;
  return Math.min(MAX_EVENTS, Math.max(1, Math.floor(setting)));
}

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
  /** How many bytes arrived (a rejected body may not be kept). */
  size: number;
  /** Bytes of its record (headers and body) kept beside the log; 0 when none is. */
  kept: number;
  /** Why its body is not kept: over the bytes kept per event, or dropped to keep the log's total. */
  dropped?: 'eventLimit' | 'logLimit';
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

export class EventLog {
  private events: WebhookEvent[] = [];
  private limit: number;
  private keptBytes = 0;

  /** `limit`: intercom.webhooks.maxEvents as set, kept within its bounds. Empty until restore(). */
  constructor(limit: unknown, private readonly store: EventStore, private readonly limits = KEPT_LIMITS) {
    this.limit = logLimit(limit);
  }

  /** Reads the saved events back, behind any added meanwhile; those past the limit, and junk, are deleted. */
  async restore(): Promise<void> {
    const known = new Set(this.events.map((e) => e.key));
    const rows = await this.store.rows();
    const junk = [...rows].filter(([key, row]) => !isEvent(row) || row.key !== key).map(([key]) => key);
    this.store.remove(junk);
    junk.forEach((key) => rows.delete(key));
    const saved = [...rows.values()].filter(isEvent).filter((e) => !known.has(e.key)).sort((a, b) => b.receivedAt - a.receivedAt);
    this.events.push(...saved);
    this.keptBytes += saved.reduce((sum, e) => sum + e.kept, 0);
    this.forget(this.events.splice(this.limit));
  }

  get size(): number {
    return this.events.length;
  }

  /** Bytes of records kept. */
  get kept(): number {
    return this.keptBytes;
  }

  setLimit(limit: unknown): void {
    this.limit = logLimit(limit);
    this.forget(this.events.splice(this.limit));
  }

  /** Adds an event, newest first, with what it received (kept within the limits). */
  add(event: WebhookEvent, record?: DeliveryRecord): void {
    event.kept = 0;
    if (record) {
      const kept = recordSize(record) > this.limits.perEvent ? { headers: record.headers, body: Buffer.alloc(0) } : record;
      if (kept !== record) event.dropped = 'eventLimit';
      event.kept = recordSize(kept);
      this.store.writeRecord(event.key, kept);
    }
    this.events.unshift(event);
    this.store.saveRow(event.key, event);
    this.keptBytes += event.kept;
    this.forget(this.events.splice(this.limit));
    for (let i = this.events.length - 1; i > 0 && this.keptBytes > this.limits.total; i--) {
      const old = this.events[i];
      if (old.kept === 0) continue;
      this.store.removeRecord(old.key);
      this.keptBytes -= old.kept;
      this.update(old.key, { kept: 0, dropped: 'logLimit' });
    }
  }

  /** What the event received, while it is kept. */
  async record(key: string): Promise<DeliveryRecord | undefined> {
    return this.get(key)?.kept ? this.store.readRecord(key) : undefined;
  }

  get(key: string): WebhookEvent | undefined {
    return this.events.find((e) => e.key === key);
  }

  /** Changes a logged event in place and saves its row; false when it has already left the log. */
  update(key: string, patch: Partial<WebhookEvent>): boolean {
    const event = this.get(key);
    if (!event) return false;
    this.store.saveRow(key, Object.assign(event, patch));
    return true;
  }

  clear(): void {
    this.forget(this.events);
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

  private forget(events: readonly WebhookEvent[]): void {
    this.store.remove(events.map((e) => e.key));
    this.keptBytes -= events.reduce((sum, e) => sum + e.kept, 0);
  }
}

function isEvent(value: unknown): value is WebhookEvent {
  const e = value as WebhookEvent;
  return typeof e === 'object' && e !== null && typeof e.key === 'string' && isEventKey(e.key) && typeof e.receivedAt === 'number' && typeof e.kept === 'number';
}
