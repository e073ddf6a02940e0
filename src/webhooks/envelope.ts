// Intercom's notification envelope (type notification_event, id notif_…, topic, app_id, data.item = the
// topic's object): our own samples for test notifications, and the fields the event log reads from any body.
import { randomBytes } from 'node:crypto';
import { findTopicRule } from '../scopes/topics';

export const PING_TOPIC = 'ping';

export interface Notification {
  type: 'notification_event';
  id: string;
  topic: string;
  app_id: string;
  data: { type: 'notification_event_data'; item: Record<string, unknown> };
  links: Record<string, never>;
  delivery_status: string;
  delivery_attempts: number;
  delivered_at: number;
  first_sent_at: number;
  created_at: number;
  self: null;
}

export interface EnvelopeOptions {
  /** The Intercom workspace id_code the notification claims to come from. */
  appId: string;
  /** Unix seconds. */
  now: number;
  id?: string;
  attempt?: number;
}

const contact = (now: number) => ({ type: 'contact', id: '6657a1b2c3d4e5f6a7b8c9d0', role: 'user', email: 'ada@example.com', name: 'Ada Lovelace', created_at: now, updated_at: now });
const admin = { type: 'admin', id: '991267', name: 'Grace Hopper', email: 'grace@example.com' };

/** One small sample object per topic group: enough fields to route and test a handler, nothing more. */
const ITEMS: Record<string, (now: number) => Record<string, unknown>> = {
  admin: () => ({ ...admin, away_mode_enabled: false }),
  article: (now) => ({ type: 'article', id: '8123456', title: 'Getting started', state: 'published', author_id: Number(admin.id), updated_at: now }),
  call: (now) => ({ type: 'call', id: 'call_5f2d', state: 'ended', conversation_id: '1904', created_at: now }),
  company: (now) => ({ type: 'company', id: '6657c0ffee00', company_id: 'acme-42', name: 'Acme Inc.', created_at: now }),
  contact: contact,
  visitor: (now) => ({ ...contact(now), type: 'visitor', role: 'visitor' }),
  subscription: (now) => ({ type: 'subscription', id: '77', contact: contact(now), state: 'subscribed' }),
  conversation: (now) => ({
    type: 'conversation', id: '1904', created_at: now, updated_at: now, state: 'open', open: true,
    source: { type: 'conversation', delivered_as: 'customer_initiated', body: '<p>Hello, I need help</p>', author: { type: 'user', id: contact(now).id } },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: contact(now).id }] },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 },
  }),
  'content stat': (now) => ({ type: 'content_stat', content_id: 321, content_type: 'series', stat_type: 'receipt', created_at: now }),
  'content snippet': (now) => ({ type: 'content_snippet', id: '54321', title: 'Refund policy', updated_at: now }),
  event: (now) => ({ type: 'event', event_name: 'placed-order', created_at: now, user_id: 'user-42', metadata: { order_total: 42 } }),
  job: (now) => ({ type: 'job', id: 'job_v2_1', status: 'completed', completed_at: now }),
  'API activity': (now) => ({ type: 'api_request', method: 'GET', path: '/contacts', status: 200, created_at: now }),
  ticket: (now) => ({ type: 'ticket', id: '2207', ticket_id: '7', ticket_state: 'submitted', created_at: now, contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: contact(now).id }] } }),
  'data connector': (now) => ({ type: 'data_connector_execution', id: 'exec_11', status: 'success', completed_at: now }),
};

function sampleItem(topic: string, now: number): Record<string, unknown> {
  if (topic === PING_TOPIC) return { type: 'ping', message: 'Hello from the Intercom Developer Tools' };
  const group = findTopicRule(topic)?.group;
  const make = group ? ITEMS[group] : undefined;
  return make ? make(now) : { type: topic.split('.')[0] };
}

export function newNotificationId(): string {
  return `notif_${randomBytes(12).toString('hex')}`;
}

export function buildNotification(topic: string, { appId, now, id = newNotificationId(), attempt = 1 }: EnvelopeOptions): Notification {
  return {
    type: 'notification_event',
    id,
    topic,
    app_id: appId,
    data: { type: 'notification_event_data', item: sampleItem(topic, now) },
    links: {},
    delivery_status: 'pending',
    delivery_attempts: attempt,
    delivered_at: 0,
    first_sent_at: now,
    created_at: now,
    self: null,
  };
}

/** The body as a test sends it: pretty, so a saved fixture reads well and is sent byte for byte. */
export function notificationBody(notification: unknown): string {
  return `${JSON.stringify(notification, null, 2)}\n`;
}

/** The envelope fields the event log shows. */
export interface Summary {
  notificationId?: string;
  topic?: string;
  attempt?: number;
}

/** Longer strings from a body are cut: the log saves them in each event's row, so none may be large. */
const MAX_FIELD_LENGTH = 200;
const field = (value: string) => (value.length > MAX_FIELD_LENGTH ? `${value.slice(0, MAX_FIELD_LENGTH)}…` : value);

/** The envelope fields of a parsed body; anything else leaves them out. */
export function summaryOf(parsed: unknown): Summary {
  const envelope = Object(parsed) as Record<string, unknown>;
  // Only the fields present: undefined would not survive the JSON round trip through storage.
  const summary: Summary = {};
  if (typeof envelope.id === 'string') summary.notificationId = field(envelope.id);
  if (typeof envelope.topic === 'string') summary.topic = field(envelope.topic);
  if (typeof envelope.delivery_attempts === 'number') summary.attempt = envelope.delivery_attempts;
  return summary;
}

/** The envelope fields of a body; anything that does not parse leaves them out. */
export function summarize(body: Uint8Array): Summary {
  try {
    return summaryOf(JSON.parse(Buffer.from(body).toString('utf8')));
  } catch {
    return {};
  }
}
