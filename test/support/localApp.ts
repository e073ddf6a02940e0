// Raw HTTP for the webhook tests (unit and extension host): exact bytes and headers, partial uploads,
// and the developer's local app that forwarded notifications reach.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
  /** Write only the body's start and keep the request open (a slow upload). */
  stall?: boolean;
}

export function send(url: string, { method = 'POST', headers = {}, body, stall = false }: SendOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (stall) req.write(body ?? '{');
    else req.end(body);
  });
}

export interface LocalApp {
  url: string;
  received: { headers: http.IncomingHttpHeaders; body: Buffer }[];
  /** Answer with this status (default 200) and body. */
  answer: { status: number; body: string; hang?: boolean };
  close(): Promise<void>;
}

/** The developer's app that receives forwarded notifications. */
export async function startLocalApp(): Promise<LocalApp> {
  const app: LocalApp = {
    url: '',
    received: [],
    answer: { status: 200, body: 'ok' },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      app.received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      if (!app.answer.hang) res.writeHead(app.answer.status).end(app.answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return app;
}
