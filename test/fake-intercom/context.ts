// One request as the routes see it, with the answers the fake gives (JSON with Intercom's headers, HTML, redirects).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorList, HTML_TYPE, htmlPage, JSON_TYPE, PAGE_CSP, send } from './http';
import type { FakeState, RateSnapshot } from './state';

export class Ctx {
  /** Set for API routes: the rate-limit window this request used. */
  rate?: RateSnapshot;

  constructor(
    readonly state: FakeState,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    readonly route: string,
    readonly body: unknown,
    readonly requestId: string,
    /** http://127.0.0.1:PORT */
    readonly baseUrl: string,
  ) {}

  /** Request id and, for API routes, X-RateLimit-Limit / -Remaining / -Reset. */
  apiHeaders(): Record<string, string> {
    const headers: Record<string, string> = { 'X-Request-Id': this.requestId };
    if (this.rate) {
      headers['X-RateLimit-Limit'] = String(this.rate.limit);
      headers['X-RateLimit-Remaining'] = String(this.rate.remaining);
      headers['X-RateLimit-Reset'] = String(this.rate.reset);
    }
    return headers;
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    send(this.res, status, JSON_TYPE, JSON.stringify(body), { ...this.apiHeaders(), ...headers });
  }

  /** Intercom's envelope: {"type":"error.list","request_id":…,"errors":[{code,message}]}. */
  error(status: number, code: string, message: string, headers: Record<string, string> = {}): void {
    this.json(status, errorList(this.requestId, code, message), headers);
  }

  html(status: number, title: string, bodyHtml: string): void {
    send(this.res, status, HTML_TYPE, htmlPage(title, bodyHtml), {
      'X-Request-Id': this.requestId,
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-store',
    });
  }

  redirect(location: URL): void {
    if (this.res.headersSent) return;
    this.res.writeHead(302, { Location: location.toString(), 'X-Request-Id': this.requestId, 'Cache-Control': 'no-store', 'Content-Length': '0' });
    this.res.end();
  }

  /** The form/JSON field as a string, or undefined (non-string JSON values count as missing). */
  field(name: string): string | undefined {
    const body = this.body;
    if (typeof body !== 'object' || body === null) return undefined;
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
}
