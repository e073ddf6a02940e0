// One request to the app and what came back, as a timeline entry: signed as Intercom signs (or, for the
// bad-signature probes, wrongly or not at all), sent through the transport, the reply read as JSON.
import { bodySignature, SIGNATURE_HEADER } from './signing';
import type { CanvasKitRequest } from './requests';
import { shownBody, type FailureKind, type SignatureKind, type TimelineEntry } from './timeline';
import type { CanvasTransport, TransportFailure } from './transport';

export interface ExchangeOptions {
  transport: CanvasTransport;
  clientSecret: string;
  timeoutMs: number;
  redact: (text: string) => string;
}

export interface Exchanged {
  entry: TimelineEntry;
  /** The parsed reply of a JSON flow that answered 2xx. */
  json?: unknown;
  /** The reply's bytes when the app answered 2xx (the sheet page). */
  body?: Buffer;
}

/** The header value for each kind; `wrong` is a well-formed signature made with another key. */
export function signatureFor(kind: SignatureKind, body: string, clientSecret: string): string | undefined {
  if (kind === 'valid') return bodySignature(body, clientSecret);
  if (kind === 'wrong') return bodySignature(body, `not-${clientSecret}`);
  return undefined;
}

function failureMessage(failure: TransportFailure, url: string, timeoutMs: number, detail?: string): string {
  switch (failure) {
    case 'blocked':
      return `Not sent: ${detail}.`;
    case 'refused':
      return `Nothing answers at ${url}. Start your app, or correct the URL in the settings.`;
    case 'timeout':
      return `No answer within ${timeoutMs / 1000} s: Intercom stops waiting and shows its error card. (Intercom does not document its timeout; it is a setting here.)`;
    case 'tooLarge':
      return `The reply is ${detail}; Canvas Kit fields are limited to 64 KB each.`;
    case 'cancelled':
      return 'Cancelled.';
    default:
      return `The request failed${detail ? ` (${detail})` : ''}.`;
  }
}

/** `id` numbers the timeline entry. */
export async function exchange(id: number, request: CanvasKitRequest, options: ExchangeOptions, kind: SignatureKind, signal?: AbortSignal): Promise<Exchanged> {
  const header = signatureFor(kind, request.body, options.clientSecret);
  const json = request.contentType === 'application/json';
  const headers: Record<string, string> = { 'content-type': request.contentType, accept: json ? 'application/json' : 'text/html' };
  if (header !== undefined) headers[SIGNATURE_HEADER] = header;
  const at = Date.now();
  const body = Buffer.from(request.body, 'utf8');
  const result = await options.transport.send({ url: request.url, headers, body, timeoutMs: options.timeoutMs, signal });
  const entry: TimelineEntry = {
    id, flow: request.flow, placement: request.placement, url: request.url, at, ms: result.ms,
    signature: { kind, header },
    request: { contentType: request.contentType, size: body.length, body: shownBody(body, options.redact) },
    problems: [],
  };
  const fail = (failureKind: FailureKind, message: string): Exchanged => ({ entry: { ...entry, failure: { kind: failureKind, message } } });
  if (!result.ok) return fail(result.failure, failureMessage(result.failure, request.url, options.timeoutMs, result.detail));
  entry.response = { status: result.status, contentType: result.headers['content-type'], size: result.body.length, body: shownBody(result.body, options.redact) };
  if (kind !== 'valid' && kind !== 'unsigned') entry.acceptedBadSignature = result.status >= 200 && result.status < 300;
  if (result.status < 200 || result.status > 299) return fail('status', `The app answered ${result.status}; Intercom shows its error card for any answer but 2xx.`);
  if (!json) return { entry, body: result.body };
  try {
    return { entry, json: JSON.parse(result.body.toString('utf8')), body: result.body };
  } catch (e) {
    return fail('notJson', `The reply is not JSON (${(e as Error).message}); Intercom shows its error card.`);
  }
}
