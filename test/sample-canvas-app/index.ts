// A small Canvas Kit app for the sandbox and the tests: meeting booking in the Messenger (and the Inbox's
// conversation details). Written as an app developer would: it verifies X-Body-Signature over the raw
// bytes before parsing, decrypts the sheet's user, and keeps its state in stored_data.
//   configure → meeting length (results) · initialize → the form · submit "book" → a live canvas and
//   event completed · "add_note" → a sheet · submit sheet → the form with the note · submit "change" → the form
import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bookedCanvas, bookingContent, bookingForm, configureCanvas, SLOTS, type Booking, type FormState, type Json } from './canvases';
import { notePage, refusedPage } from './sheetPage';

export interface SampleCanvasApp {
  /** http://127.0.0.1:PORT */
  url: string;
  urls: { initialize: string; submit: string; configure: string; submitSheet: string };
  /** Every request, as received. */
  received: { path: string; headers: IncomingMessage['headers']; body: Buffer }[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function verified(raw: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(typeof header === 'string' ? header : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function decryptUser(encrypted: string, secret: string): Json | undefined {
  try {
    const bytes = Buffer.from(encrypted, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', createHash('sha256').update(secret).digest(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8'));
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
function parseJson(text: string): Json | undefined {
  try {
    return obj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

export async function startSampleCanvasApp({ clientSecret, port = 0 }: { clientSecret: string; port?: number }): Promise<SampleCanvasApp> {
  const received: SampleCanvasApp['received'] = [];
  let base = '';
  /** The Messenger sends a context; the Inbox does not (and has no sheets). */
  const sheetUrlFor = (body: Json) => (body.context ? `${base}/sheet` : undefined);

  const routes: Record<string, (body: Json) => Json> = {
    '/configure': (body) => (body.component_id === 'save_setup' ? { results: { duration: str(obj(body.input_values).duration) ?? '30' } } : configureCanvas()),
    '/initialize': (body) => bookingForm({ duration: str(obj(body.card_creation_options).duration) ?? '30' }, sheetUrlFor(body)),
    '/submit': (body) => {
      const stored = obj(obj(body.current_canvas).stored_data);
      if (body.component_id === 'change') {
        const booking = obj(stored.booking) as Partial<Booking>;
        return bookingForm({ duration: booking.duration ?? '30', name: booking.name, email: booking.email, slot: booking.slot, note: booking.note }, sheetUrlFor(body));
      }
      const values = obj(body.input_values);
      const state: FormState = { duration: str(stored.duration) ?? '30', name: str(values.name), email: str(values.email), slot: str(values.slot), note: str(stored.note) };
      const missing = [!state.name && 'your name', !state.email?.includes('@') && 'an email address', !SLOTS.some((s) => s.id === state.slot) && 'a time'].filter(Boolean);
      if (missing.length > 0) return bookingForm({ ...state, error: `Please give ${missing.join(', ')}.` }, sheetUrlFor(body));
      return bookedCanvas({ name: state.name!, email: state.email!, slot: state.slot!, duration: state.duration, ...(state.note ? { note: state.note } : {}) }, `${base}/live`);
    },
    '/live': (body) => bookingContent(obj(obj(body.canvas).stored_data).booking as Booking),
    '/submit-sheet': (body) => {
      const stored = obj(obj(body.current_canvas).stored_data);
      return bookingForm({ duration: str(stored.duration) ?? '30', note: str(obj(body.sheet_values).note) }, sheetUrlFor(body));
    },
  };

  const answer = (res: ServerResponse, status: number, type: string, text: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(text);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', base).pathname;
      received.push({ path, headers: req.headers, body: raw });
      if (req.method !== 'POST') return answer(res, 405, 'text/plain', 'Canvas Kit requests are POSTs.\n');
      if (path === '/sheet') {
        // Unsigned: the encrypted user is what shows the request came through Intercom.
        const data = parseJson(new URLSearchParams(raw.toString('utf8')).get('intercom_data') ?? '') ?? {};
        const user = typeof data.user === 'string' ? decryptUser(data.user, clientSecret) : undefined;
        if (!user) return answer(res, 403, 'text/html; charset=utf-8', refusedPage());
        return answer(res, 200, 'text/html; charset=utf-8', notePage(str(user.name) ?? 'you', str(obj(obj(data.current_canvas).stored_data).note) ?? ''));
      }
      const route = routes[path];
      if (!route) return answer(res, 404, 'application/json', '{"error":"no such route"}');
      if (!verified(raw, req.headers['x-body-signature'], clientSecret)) return answer(res, 401, 'application/json', '{"error":"bad X-Body-Signature"}');
      const body = parseJson(raw.toString('utf8'));
      if (!body) return answer(res, 400, 'application/json', '{"error":"not JSON"}');
      answer(res, 200, 'application/json', JSON.stringify(route(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    urls: { initialize: `${base}/initialize`, submit: `${base}/submit`, configure: `${base}/configure`, submitSheet: `${base}/submit-sheet` },
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
