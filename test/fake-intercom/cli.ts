// Standalone fake Intercom sandbox for `npm start` (Node 20+; built to out/test/fake-intercom/cli.js).
//
//   node out/test/fake-intercom/cli.js [--port N] [--redirect-url URL]... [--client-id ID] [--client-secret S]
//        [--access-token T] [--app-name NAME] [--consent page|approve|deny] [--serve /path/=FILE]...
//
// Env: FAKE_INTERCOM_PORT, FAKE_INTERCOM_REDIRECT_URL. Binds 127.0.0.1 only. Prints one JSON line
// {url, clientId, clientSecret, accessToken, redirectUrls} on stdout, then runs until SIGINT/SIGTERM.
// Without --redirect-url the client's redirect URL is <url>/sandbox/callback, a page showing code and state.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { FakeIntercom } from './server';
import { usWorkspace } from './profiles';
import { newAccessToken, newClientSecret } from './secrets';
import type { ConsentMode } from './types';

const CALLBACK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Intercom – OAuth callback</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem">
<h1>OAuth callback received</h1>
<dl id="params"></dl>
<script>
  for (const [name, value] of new URLSearchParams(location.search)) {
    const dt = document.createElement('dt'); dt.textContent = name;
    const dd = document.createElement('dd'); dd.textContent = value;
    document.getElementById('params').append(dt, dd);
  }
</script>
</body></html>
`;

function fail(message: string): never {
  console.error(`fake-intercom: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'redirect-url': { type: 'string', multiple: true },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'access-token': { type: 'string' },
      'app-name': { type: 'string' },
      consent: { type: 'string' },
      serve: { type: 'string', multiple: true },
    },
    strict: true,
  });

  const portText = values.port ?? process.env.FAKE_INTERCOM_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port ${portText}`);
  const consent = (values.consent ?? 'page') as ConsentMode;
  if (!['page', 'approve', 'deny'].includes(consent)) fail(`invalid --consent ${consent}`);

  const fake = await FakeIntercom.start({ port, consent });
  const redirectUrls = values['redirect-url'] ?? (process.env.FAKE_INTERCOM_REDIRECT_URL ? [process.env.FAKE_INTERCOM_REDIRECT_URL] : []);
  if (redirectUrls.length === 0) redirectUrls.push(fake.serveStatic('/sandbox/callback', CALLBACK_PAGE));

  for (const spec of values.serve ?? []) {
    const at = spec.indexOf('=');
    if (at <= 0) fail(`--serve expects /path=FILE (got ${spec})`);
    const file = spec.slice(at + 1);
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    fake.serveStatic(spec.slice(0, at), fs.readFileSync(file), type);
  }

  const clientId = values['client-id'] ?? 'fake-intercom-sandbox';
  const clientSecret = values['client-secret'] ?? newClientSecret();
  try {
    fake.addClient({ clientId, clientSecret, redirectUrls, appName: values['app-name'] ?? 'Intercom Developer Tools (sandbox)' });
  } catch (err) {
    await fake.close();
    fail(`invalid --redirect-url: ${String(err)}`);
  }
  const accessToken = fake.addToken(values['access-token'] ?? newAccessToken(), usWorkspace());

  process.stdout.write(`${JSON.stringify({ url: fake.url, clientId, clientSecret, accessToken, redirectUrls })}\n`);

  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => fail(String(err)));
