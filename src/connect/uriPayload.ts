// What crosses the editor's URI layers between the bridge page and the URI handler.
// Only [A-Za-z0-9_-] survives every layer unchanged (desktop VS Code percent-decodes
// the query, code-server re-serializes it, `+` becomes a space), so both the callback
// URL carried in `state` and the payload forwarded back travel as base64url.
// Runs in the browser (bridge page) and in Node: TextEncoder + btoa/atob exist in both.

/** The single query parameter the bridge adds to the callback URL. */
export const PAYLOAD_PARAM = 'intercom';

export type CallbackPayload =
  | { code: string }
  | { error: string; error_description?: string };

export function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns undefined for anything that is not well-formed base64url of UTF-8 text. */
export function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

export function encodeState(callbackUrl: string): string {
  return toBase64Url(callbackUrl);
}

export function decodeState(state: string): string | undefined {
  return fromBase64Url(state);
}

export function encodePayload(payload: CallbackPayload): string {
  return toBase64Url(JSON.stringify(payload));
}

/** Parses a forwarded payload; undefined when it is not one of the two shapes. */
export function decodePayload(encoded: string): CallbackPayload | undefined {
  const json = fromBase64Url(encoded);
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.code === 'string' && v.code.length > 0) return { code: v.code };
  if (typeof v.error === 'string' && v.error.length > 0) {
    return typeof v.error_description === 'string'
      ? { error: v.error, error_description: v.error_description }
      : { error: v.error };
  }
  return undefined;
}
