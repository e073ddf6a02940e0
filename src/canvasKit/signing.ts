// Intercom signs every Canvas Kit request (the open-sheet POST excepted): `X-Body-Signature` is the
// lowercase hex HMAC-SHA256 of the exact bytes of the body, keyed with the app's client secret. Not the
// webhooks' `X-Hub-Signature: sha1=…`.
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Body-Signature';

export function bodySignature(body: Uint8Array | string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(body).digest('hex');
}
