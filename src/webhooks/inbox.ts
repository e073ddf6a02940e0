// What happens to each request the receiver answered: verified against the app's secret, logged, and
// forwarded to the developer's app. Also sends test notifications and replays, re-signed, the same way.
import { randomUUID } from 'node:crypto';
import { summarize } from './envelope';
import { EventLog, type WebhookEvent } from './eventLog';
import type { DeliveryRecord } from './eventStore';
import { forward, type ForwardResult } from './forwarder';
import type { ReceivedRequest } from './receiver';
import { SIGNATURE_HEADER, signatureHeader, verifySignature } from './signature';

export const INTERCOM_USER_AGENT = 'intercom-parrot-service-client/1.0';

export interface AppSecrets {
  /** The configured app's client secret. */
  secret?: string;
  /** Other apps' secrets the extension holds. */
  others: string[];
}

export interface ForwardSettings {
  target: URL;
  timeoutMs: number;
}

export interface InboxOptions {
  events: EventLog;
  secrets(): Promise<AppSecrets>;
  /** Undefined when nothing is to be forwarded. */
  forwarding(): ForwardSettings | undefined;
  onChange(): void;
}

/** Whether Replay may sign the event with the app's secret: it verified on arrival, or the extension built it. */
export const mayResign = (event: WebhookEvent): boolean => event.source === 'test' || event.signature?.ok === true;

export class Inbox {
  constructor(private readonly options: InboxOptions) {}

  /** Logs one received request and forwards it; resolves once the forward result is logged too. */
  async receive(request: ReceivedRequest): Promise<WebhookEvent> {
    const { secret, others } = await this.options.secrets();
    const verifiable = request.method === 'POST' && request.rejected === undefined;
    const event: WebhookEvent = {
      key: randomUUID(),
      receivedAt: request.receivedAt,
      source: 'delivery',
      method: request.method,
      status: request.status,
      size: request.size,
      kept: 0,
      ...request.summary,
      ...(request.rejected && { rejected: request.rejected }),
      ...(verifiable && { signature: verifySignature({ body: request.body, header: request.headers[SIGNATURE_HEADER], secret, otherSecrets: others }) }),
    };
    this.record(event, { headers: request.headers, body: request.body });
    if (verifiable) await this.forwardEvent(event, request.headers, request.body);
    return event;
  }

  /** A test notification: signed with the app's secret and sent to the forward target, no Intercom involved. */
  async sendTest(body: Buffer, forwarding: ForwardSettings, secret: string): Promise<WebhookEvent> {
    const headers = {
      'content-type': 'application/json',
      'user-agent': INTERCOM_USER_AGENT,
      [SIGNATURE_HEADER]: signatureHeader(body, secret),
    };
    const event: WebhookEvent = {
      key: randomUUID(), receivedAt: Date.now(), source: 'test', method: 'POST', status: 0, size: body.length, kept: 0, ...summarize(body), signature: { ok: true },
    };
    this.record(event, { headers, body });
    await this.forwardEvent(event, headers, body, forwarding);
    return event;
  }

  /**
   * Sends a logged event to the forward target again. Signed with the current secret only when it verified
   * on arrival or the extension built it: anything else goes as received, its own signature (or none) with
   * it, since signing bytes someone else chose would vouch for them to the app (and to whoever listens there).
   * 'notKept' when the log no longer keeps its body.
   */
  async replay(key: string, forwarding: ForwardSettings, secret: string | undefined): Promise<{ result: ForwardResult; resigned: boolean } | 'notKept' | undefined> {
    const { events } = this.options;
    const event = events.get(key);
    if (!event) return undefined;
    const record = event.dropped ? undefined : await events.record(key);
    if (!record) return 'notKept';
    const resigned = mayResign(event) && secret !== undefined;
    const headers = resigned ? { ...record.headers, [SIGNATURE_HEADER]: signatureHeader(record.body, secret) } : record.headers;
    events.update(key, { replays: (event.replays ?? 0) + 1 });
    const result = (await this.forwardEvent(event, headers, record.body, forwarding))!;
    return { result, resigned };
  }

  private record(event: WebhookEvent, record: DeliveryRecord): void {
    this.options.events.add(event, record);
    this.options.onChange();
  }

  private async forwardEvent(event: WebhookEvent, headers: Record<string, string>, body: Buffer, forwarding = this.options.forwarding()): Promise<ForwardResult | undefined> {
    if (!forwarding) return undefined;
    const result = await forward({ target: forwarding.target, body, headers, timeoutMs: forwarding.timeoutMs });
    // A test event's answer comes from the app.
    const patch = { forward: result, ...(event.source === 'test' && { status: result.status ?? 0 }) };
    // On the event itself too: it may have left a full log meanwhile, and the caller still reads the result.
    if (!this.options.events.update(event.key, patch)) Object.assign(event, patch);
    this.options.onChange();
    return result;
  }
}
