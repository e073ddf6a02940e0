// A careless Canvas Kit app for the simulator's tests: it checks no signature and answers each path as
// the test sets it (status, body, delay), so each way an app can fail Intercom can be staged.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StagedReply {
  status?: number;
  /** A string goes out as is (invalid JSON, HTML); anything else as JSON. */
  body: unknown;
  contentType?: string;
  /** Answer only after this long (a timeout). */
  delayMs?: number;
}

export interface CanvasTestApp {
  url: string;
  /** By path; a function gets the parsed request body. Unknown paths answer 404. */
  routes: Record<string, StagedReply | ((body: Record<string, unknown>) => StagedReply)>;
  received: { path: string; headers: http.IncomingHttpHeaders; body: Buffer }[];
  close(): Promise<void>;
}

export async function startCanvasTestApp(): Promise<CanvasTestApp> {
  const timers = new Set<NodeJS.Timeout>();
  const app: CanvasTestApp = {
    url: '',
    routes: {},
    received: [],
    close: () => new Promise((resolve) => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', app.url).pathname;
      app.received.push({ path, headers: req.headers, body });
      const route = app.routes[path];
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        // a form or nothing: the route gets {}
      }
      const reply = typeof route === 'function' ? route(parsed) : route ?? { status: 404, body: { error: 'no route' } };
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const send = () => res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' }).end(text);
      if (!reply.delayMs) {
        send();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, reply.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return app;
}
