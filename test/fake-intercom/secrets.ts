// Authorization codes and access tokens that look like Intercom's.
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * A base64-like code with a trailing '=' that always contains '+' and '/': anything that
 * form-decodes '+' into a space, percent-mangles '/', or trims '=' breaks it.
 */
export function newAuthorizationCode(): string {
  // 23 random bytes → 31 base64 characters + exactly one '=' of padding.
  const chars = randomBytes(23).toString('base64').split('');
  chars[4] = '+';
  chars[13] = '/';
  return chars.join('');
}

/** "dG9rOj…=": base64 of "tok:<uuid with underscores>:1:0", the shape of Intercom access tokens. */
export function newAccessToken(): string {
  // A leading digit keeps the prefix "dG9rOj" (a leading a-f would give "dG9rOm").
  const id = `${randomBytes(1)[0] % 10}${randomUUID().slice(1)}`.replace(/-/g, '_');
  return Buffer.from(`tok:${id}:1:0`).toString('base64');
}

export function newRequestId(): string {
  return randomUUID();
}

/** A client secret of the same flavour as the Developer Hub's (hex-ish uuid). */
export function newClientSecret(): string {
  return randomUUID();
}
