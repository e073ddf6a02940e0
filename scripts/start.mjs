// `npm start`: builds, starts the fake Intercom sandbox and code-server on 127.0.0.1 with the extension
// loaded, and prints the URL to open. No Intercom account needed. Stop with Ctrl+C.
//   PORT=8080 npm start      fixed code-server port (default: a free one)
//   node scripts/start.mjs --no-build    reuse dist/ and out/ (the E2E smoke test does)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CACHE, ROOT, ensureCodeServer } from './toolchain.mjs';

const require = createRequire(import.meta.url);
const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;

const toolchain = ensureCodeServer();
if (!process.argv.includes('--no-build') && (!run(['esbuild.mjs']) || !run(['esbuild.mjs', '--tests']))) process.exit(1);

const { FakeIntercom, deliverSamplesWhenListening } = require(path.join(ROOT, 'out/test/fake-intercom/index.js'));
const { findFreePort } = require(path.join(ROOT, 'out/src/webhooks/receiver.js'));
const { CodeServer } = require(path.join(ROOT, 'out/test/support/codeServer.js'));
const { projectBridgePage } = require(path.join(ROOT, 'out/test/support/bridgePage.js'));

const client = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
const fake = await FakeIntercom.start({ consent: 'page' });
const bridgeUrl = fake.serveStatic('/bridge/', projectBridgePage());
fake.addClient({ ...client, redirectUrls: [bridgeUrl], appName: 'Sandbox App' });
const accessToken = fake.addToken();
const webhookPort = await findFreePort();
const receiverUrl = `http://127.0.0.1:${webhookPort}/`;

const runDir = path.join(CACHE, 'runs', 'start');
const server = await CodeServer.start({
  ...toolchain,
  runDir,
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  settings: {
    'intercom.advanced.appBaseUrl': fake.url,
    'intercom.advanced.apiBaseUrl': fake.url,
    'intercom.oauth.clientId': client.clientId,
    'intercom.oauth.redirectUrl': bridgeUrl,
    'intercom.webhooks.port': webhookPort,
  },
});
const folder = path.join(runDir, 'workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), folder, { recursive: true });

console.log(`
Intercom Developer Tools is running in code-server against a fake Intercom (nothing leaves this machine).

  Open:            ${server.workbenchUrl(folder)}

  Fake Intercom:   ${fake.url}   (consent page, token exchange, /me, scoped endpoints)
  Redirect bridge: ${bridgeUrl}
  Client ID:       ${client.clientId}          (already in the sandbox's settings)
  Client secret:   ${client.clientSecret}          (type it when "Intercom: Connect" asks)
  Access Token:    ${accessToken}   (for "Intercom: Connect with Access Token")

Try: the Intercom icon in the activity bar → Connect → "Authorize access" on the fake consent page.
Then "Intercom: Generate Scope Checklist" on the sample app. Logs: ${runDir}. Stop with Ctrl+C.

Webhooks: run "Intercom: Start Webhook Receiver" (port ${webhookPort}). Each time it starts, the fake Intercom
  delivers sample notifications to ${receiverUrl}, signed with the client secret above (a good one, a
  duplicate pair, a SHA-256 mistake): watch them arrive in the Webhook Events view.
`);
const stopDeliveries = deliverSamplesWhenListening(receiverUrl, client.clientSecret, (line) => console.log(`  webhooks: ${line}`));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  stopDeliveries();
  await server.stop();
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
