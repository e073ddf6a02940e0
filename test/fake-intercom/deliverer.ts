// Intercom's webhook side: POSTs signed notifications for a topic to an endpoint, the way the docs
// describe (../shared/reference/intercom-webhooks.md): compact JSON, User-Agent intercom-parrot-service-client,
// X-Hub-Signature = HMAC-SHA1 of the raw body with the app's client secret, retried on a non-2xx answer
// or no answer, at least once (duplicates happen). It can also send the mistakes developers meet:
// a wrong secret, SHA-256, a body re-serialised after signing, no signature. Written apart from the
// extension's own code on purpose, so a shared mistake cannot hide.
import { createHmac, randomBytes } from 'node:crypto';

export type DeliveryFlaw = 'none' | 'badSignature' | 'sha256' | 'reserialised' | 'unsigned';

export interface DeliveryOptions {
  url: string;
  topic: string;
  secret: string;
  /** The workspace id_code in app_id. */
  appId?: string;
  flaw?: DeliveryFlaw;
  /** Deliver the same notification (same id) this many times, as at-least-once delivery may. */
  copies?: number;
  /**
   * Waits before each retry after a failed attempt. Intercom retries later (its exact schedule is
   * not documented); tests pass short waits, the sandbox leaves the default.
   */
  retryDelaysMs?: readonly number[];
  /** data.item; default a small object of the topic's type. */
  item?: Record<string, unknown>;
  timeoutMs?: number;
}

export interface DeliveryAttempt {
  attempt: number;
  status?: number;
  error?: string;
}

export interface DeliveryReport {
  id: string;
  /** The exact bytes of the last attempt. */
  body: string;
  signature?: string;
  attempts: DeliveryAttempt[];
  delivered: boolean;
}

const DEFAULT_RETRY_DELAYS_MS = [60_000];
const INTERCOM_USER_AGENT = 'intercom-parrot-service-client/1.0';

const hmac = (algorithm: 'sha1' | 'sha256', secret: string, body: string) => createHmac(algorithm, secret).update(body).digest('hex');

function envelope(options: DeliveryOptions, id: string, attempt: number, firstSentAt: number): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    type: 'notification_event',
    app_id: options.appId ?? 'sandbox1',
    data: { type: 'notification_event_data', item: options.item ?? { type: options.topic.split('.')[0], id: '1' } },
    links: {},
    id,
    topic: options.topic,
    delivery_status: attempt > 1 ? 'retry' : 'pending',
    delivery_attempts: attempt,
    delivered_at: attempt > 1 ? now : 0,
    first_sent_at: firstSentAt,
    created_at: firstSentAt,
    self: null,
  };
}

function signed(options: DeliveryOptions, notification: Record<string, unknown>): { body: string; signature?: string } {
  const body = JSON.stringify(notification);
  switch (options.flaw ?? 'none') {
    case 'none':
      return { body, signature: `sha1=${hmac('sha1', options.secret, body)}` };
    case 'badSignature':
      return { body, signature: `sha1=${hmac('sha1', `${options.secret}-wrong`, body)}` };
    case 'sha256':
      return { body, signature: `sha256=${hmac('sha256', options.secret, body)}` };
    case 'reserialised':
      // Signed as pretty JSON, sent compact: what a proxy that re-formats bodies produces.
      return { body, signature: `sha1=${hmac('sha1', options.secret, JSON.stringify(notification, null, 2))}` };
    case 'unsigned':
      return { body };
  }
}

async function attemptOnce(url: string, body: string, signature: string | undefined, timeoutMs: number): Promise<{ status?: number; error?: string }> {
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': INTERCOM_USER_AGENT };
    if (signature) headers['x-hub-signature'] = signature;
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? (error as Error).name };
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delivers one notification (retried on failure), `copies` times over. */
export async function deliverNotification(options: DeliveryOptions): Promise<DeliveryReport[]> {
  const id = `notif_${randomBytes(12).toString('hex')}`;
  const firstSentAt = Math.floor(Date.now() / 1000);
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const reports: DeliveryReport[] = [];
  for (let copy = 0; copy < (options.copies ?? 1); copy++) {
    const report: DeliveryReport = { id, body: '', attempts: [], delivered: false };
    for (let attempt = 1; attempt <= delays.length + 1 && !report.delivered; attempt++) {
      if (attempt > 1) await wait(delays[attempt - 2]);
      const { body, signature } = signed(options, envelope(options, id, attempt, firstSentAt));
      const result = await attemptOnce(options.url, body, signature, options.timeoutMs ?? 10_000);
      Object.assign(report, { body, signature });
      report.attempts.push({ attempt, ...result });
      report.delivered = result.status !== undefined && result.status >= 200 && result.status < 300;
    }
    reports.push(report);
  }
  return reports;
}

/** What the sandbox sends each time the receiver comes up: a good one, a duplicate pair, a common mistake. */
export const SAMPLE_DELIVERIES: readonly Omit<DeliveryOptions, 'url' | 'secret'>[] = [
  { topic: 'conversation.user.created' },
  { topic: 'ticket.created', copies: 2 },
  { topic: 'contact.user.created', flaw: 'sha256' },
];

/**
 * For `npm start`: checks `url` with HEAD (as Intercom checks an endpoint) every `intervalMs`, and each
 * time it starts answering, delivers SAMPLE_DELIVERIES. Returns a function that stops watching.
 */
export function deliverSamplesWhenListening(url: string, secret: string, report: (line: string) => void, intervalMs = 2000): () => void {
  let listening = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const up = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(intervalMs) }).then((r) => r.ok, () => false);
    if (!up && listening) report(`${url} stopped answering`);
    if (up && !listening) {
      report(`${url} answers HEAD with 200: delivering samples`);
      for (const sample of SAMPLE_DELIVERIES) {
        const reports = await deliverNotification({ ...sample, url, secret, retryDelaysMs: [] });
        report(`delivered ${sample.topic}${sample.flaw ? ` (${sample.flaw})` : ''}${reports.length > 1 ? ` ×${reports.length}` : ''} → ${reports.map((r) => r.attempts.at(-1)?.status ?? r.attempts.at(-1)?.error).join(', ')}`);
      }
    }
    listening = up;
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
