// Shared setup for the fake Intercom's own tests.
import { FakeIntercom } from '../../fake-intercom';

export const CLIENT = {
  clientId: 'client-abc',
  clientSecret: 'secret-xyz',
  redirectUrls: ['https://bridge.example.com/intercom/callback?from=fake', 'http://127.0.0.1:9/second'],
  appName: 'Scope Checker',
};

/** Starts one fake per suite and resets it before each test. */
export function useFake(): { readonly fake: FakeIntercom } {
  const holder = {} as { fake: FakeIntercom };
  suiteSetup(async () => {
    holder.fake = await FakeIntercom.start();
    holder.fake.addClient(CLIENT);
  });
  setup(() => holder.fake.reset());
  suiteTeardown(() => holder.fake?.close());
  return holder;
}

export function authorizeUrl(fake: FakeIntercom, params: Record<string, string>): string {
  const url = new URL('/oauth', fake.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** GET without following redirects. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers });
}

export function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields) });
}

/** Runs the consent (approve) and returns the redirect's query. */
export async function approve(fake: FakeIntercom, state = 'st-1'): Promise<URLSearchParams> {
  fake.consent = 'approve';
  const res = await get(authorizeUrl(fake, { client_id: CLIENT.clientId, state }));
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(location).searchParams;
}

export function exchange(fake: FakeIntercom, code: string, overrides: Record<string, string> = {}): Promise<Response> {
  return postForm(`${fake.url}/auth/eagle/token`, {
    code, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...overrides,
  });
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Intercom-Version': '2.14' };
}
