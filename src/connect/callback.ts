// Reads what reached the extension: the URI handler's query, or a URL the person pasted.
// Accepted shapes:
//   nonce=N&intercom=P                         (desktop, and code-server's /callback after merging)
//   https://host/…/callback?vscode-query=nonce%3DN&…&intercom=P   (the web callback page URL)
//   <scheme>://<extension id>/callback?nonce=N&intercom=P
//   the bridge page's own URL ?code=…&state=… (state carries the callback URL, hence the nonce)
import { PAYLOAD_PARAM, decodePayload, decodeState, type CallbackPayload } from './uriPayload';

export interface ParsedCallback {
  nonce?: string;
  payload?: CallbackPayload;
  /** Set when the payload parameter is absent or cannot be decoded. */
  problem?: 'noPayload' | 'badPayload';
}

export function parseCallbackQuery(query: string): ParsedCallback {
  const params = new URLSearchParams(query);
  // The web callback page nests the original query in vscode-query; extra params sit beside it.
  const nested = params.get('vscode-query');
  const nonce = params.get('nonce') ?? (nested === null ? null : new URLSearchParams(nested).get('nonce'));
  const result: ParsedCallback = nonce ? { nonce } : {};
  const encoded = params.get(PAYLOAD_PARAM) ?? (nested === null ? null : new URLSearchParams(nested).get(PAYLOAD_PARAM));
  if (encoded !== null) {
    const payload = decodePayload(encoded);
    return payload ? { ...result, payload } : { ...result, problem: 'badPayload' };
  }
  // The bridge page's own URL: code/error straight from Intercom, nonce inside state.
  const state = params.get('state');
  const code = params.get('code');
  const error = params.get('error');
  if (state !== null && (code !== null || error !== null)) {
    const callback = decodeState(state);
    const inner = callback && URL.canParse(callback) ? parseCallbackQuery(new URL(callback).search) : {};
    const payload: CallbackPayload = code !== null
      ? { code }
      : { error: error!, ...(params.get('error_description') ? { error_description: params.get('error_description')! } : {}) };
    return { ...(inner.nonce ? { nonce: inner.nonce } : {}), payload };
  }
  return { ...result, problem: 'noPayload' };
}

/** A pasted URL; undefined when the text is not a URL at all. */
export function parseCallbackUrl(text: string): ParsedCallback | undefined {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) return undefined;
  return parseCallbackQuery(new URL(trimmed).search);
}
