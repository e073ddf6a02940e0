// Intercom signs each notification with HMAC-SHA1 of the RAW body, keyed with the app's client secret:
// `X-Hub-Signature: sha1=<40 hex>`. A failed check says which common mistake explains it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature';

export type SignatureProblem =
  /** The request has no X-Hub-Signature header. */
  | 'missingHeader'
  /** The extension holds no client secret for the configured app. */
  | 'noSecret'
  /** 64 hex characters or `sha256=`: the sender used SHA-256, which never matches. */
  | 'sha256'
  /** The signature matches the JSON re-serialised (compact or pretty), not the bytes received. */
  | 'reserialised'
  /** The signature matches the client secret of another app the extension holds. */
  | 'otherApp'
  /** None of the above: a different secret, or the body changed on the way. */
  | 'mismatch';

export type SignatureVerdict = { ok: true } | { ok: false; problem: SignatureProblem };

export interface VerifyInput {
  body: Uint8Array;
  /** The X-Hub-Signature header as received (undefined when absent). */
  header: string | undefined;
  /** The configured app's client secret. */
  secret: string | undefined;
  /** Client secrets of other apps the extension holds, to recognise a delivery meant for another app. */
  otherSecrets?: readonly string[];
}

function hmacSha1(body: Uint8Array | string, secret: string): Buffer {
  return createHmac('sha1', secret).update(body).digest();
}

/** The header value Intercom would send for these bytes. */
export function signatureHeader(body: Uint8Array | string, secret: string): string {
  return `sha1=${hmacSha1(body, secret).toString('hex')}`;
}

/** The 20 bytes the header claims, or undefined when it is not `sha1=<40 hex>`. */
function claimedDigest(header: string): Buffer | undefined {
  const match = /^sha1=([0-9a-f]{40})$/i.exec(header.trim());
  return match ? Buffer.from(match[1], 'hex') : undefined;
}

const looksSha256 = (header: string) => /^(sha256=)?[0-9a-f]{64}$/i.test(header.trim());

const matches = (claimed: Buffer, body: Uint8Array | string, secret: string) => timingSafeEqual(claimed, hmacSha1(body, secret));

/** Above this, a mismatch is not explained: parsing and writing the body four times costs ~50 ms per MiB. */
const EXPLAINED_UP_TO = 64 * 1024;

/** The serialisations a sender that parsed the JSON again would have signed. */
function reserialisations(body: Uint8Array): string[] {
  if (body.length > EXPLAINED_UP_TO) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return [];
  }
  const raw = Buffer.from(body).toString('utf8');
  return [JSON.stringify(parsed), JSON.stringify(parsed, null, 2), JSON.stringify(parsed, null, 4), JSON.stringify(parsed, null, '\t')]
    .filter((s) => s !== raw);
}

export function verifySignature({ body, header, secret, otherSecrets = [] }: VerifyInput): SignatureVerdict {
  if (header === undefined || header.trim() === '') return { ok: false, problem: 'missingHeader' };
  if (!secret) return { ok: false, problem: 'noSecret' };
  if (looksSha256(header)) return { ok: false, problem: 'sha256' };
  const claimed = claimedDigest(header);
  if (!claimed) return { ok: false, problem: 'mismatch' };
  if (matches(claimed, body, secret)) return { ok: true };
  if (reserialisations(body).some((s) => matches(claimed, s, secret))) return { ok: false, problem: 'reserialised' };
  if (otherSecrets.some((other) => other !== secret && matches(claimed, body, other))) return { ok: false, problem: 'otherApp' };
  return { ok: false, problem: 'mismatch' };
}
