// One row of the simulator's timeline per request: what went out, what came back, how long it took and
// what was wrong with it. Bodies are redacted before they are kept here; the exact bytes for Replay and
// Copy as curl stay with the engine.
import type { Flow, Placement, SchemaProblem } from './flows';

/** `wrong` and `missing` are the bad-signature probes; `unsigned` the open-sheet POST. */
export type SignatureKind = 'valid' | 'wrong' | 'missing' | 'unsigned';

export type FailureKind = 'blocked' | 'refused' | 'network' | 'timeout' | 'tooLarge' | 'cancelled' | 'status' | 'notJson';

export interface TimelineEntry {
  id: number;
  flow: Flow;
  placement: Placement;
  url: string;
  /** Epoch ms when it was sent, and how long the app took. */
  at: number;
  ms: number;
  signature: { kind: SignatureKind; header?: string };
  request: { contentType: string; size: number; body: string };
  response?: { status: number; contentType?: string; size: number; body: string };
  failure?: { kind: FailureKind; message: string };
  problems: SchemaProblem[];
  /** A probe with a wrong or missing signature that the app answered with 2xx. */
  acceptedBadSignature?: boolean;
}

/** Longest body kept for display; the size says how much there was. */
export const SHOWN_BODY_CHARS = 256 * 1024;

export function shownBody(bytes: Buffer, redact: (text: string) => string): string {
  const text = redact(bytes.toString('utf8'));
  return text.length > SHOWN_BODY_CHARS ? `${text.slice(0, SHOWN_BODY_CHARS)}\n… (${bytes.length} bytes in all)` : text;
}
