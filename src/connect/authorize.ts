// The consent URL and the redirect URL the app registered in the Developer Hub.
import { encodeState } from './uriPayload';

export interface AuthorizeRequest {
  appBase: string;
  clientId: string;
  /** The editor's callback URL (from asExternalUri); travels base64url-encoded in `state`. */
  callbackUrl: string;
  /** The HTTPS redirect bridge registered in the Developer Hub. */
  redirectUrl: string;
}

export function authorizeUrl(request: AuthorizeRequest): string {
  const url = new URL('/oauth', request.appBase);
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('state', encodeState(request.callbackUrl));
  url.searchParams.set('redirect_uri', request.redirectUrl);
  return url.toString();
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export type RedirectUrlProblem = 'notUrl' | 'credentials' | 'fragment' | 'notHttps';

/** Intercom only redirects to HTTPS; plain http is accepted for loopback hosts (local testing). */
export function checkRedirectUrl(text: string): { url: string } | { problem: RedirectUrlProblem } {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) return { problem: 'notUrl' };
  const url = new URL(trimmed);
  if (url.username || url.password) return { problem: 'credentials' };
  if (url.hash) return { problem: 'fragment' };
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return { url: url.toString() };
  return { problem: 'notHttps' };
}
