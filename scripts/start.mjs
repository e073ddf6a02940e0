// `npm start`: the extension as a user has it — packaged as a VSIX and installed into code-server, no
// test-only flags — against a fake Intercom on 127.0.0.1, with a sample app folder outside this clone.
// Prints one line per step, then the URL to open. No Intercom account needed. Stop with Ctrl+C.
//   PORT=8080 npm start      fixed code-server port (default: a free one)
//   node scripts/start.mjs --no-build    reuse out/ (the fake); the E2E smoke test does. The VSIX is always packaged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CACHE, ROOT, ensureCodeServer, seconds } from './toolchain.mjs';

const require = createRequire(import.meta.url);
const STEPS = 4;
let stepNo = 0;
/** Runs one step between a "[n/4] what" line and a "[n/4] done in …" line. */
async function step(title, work) {
  const tag = `[${++stepNo}/${STEPS}]`;
  console.error(`${tag} ${title}`);
  const started = Date.now();
  const result = await work();
  console.error(`${tag} done in ${seconds(Date.now() - started)}`);
  return result;
}
/** Runs node with `args` in the clone; on failure prints its output and stops. */
function node(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return;
  console.error(`${r.stdout}${r.stderr}\n${what} failed (output above).`);
  process.exit(1);
}

const toolchain = await step('Toolchain: Node 24 and code-server (first run only: about 1.1 GB into .vscode-test/)', () =>
  ensureCodeServer().catch((e) => {
    console.error(e.message); // what is missing and the command that installs it
    process.exit(2);
  }));
if (process.argv.includes('--no-build')) {
  console.error(`[${++stepNo}/${STEPS}] Build the fake Intercom: skipped (--no-build)`);
} else {
  await step('Build the fake Intercom and the sample bridge page (esbuild → out/)', () => node(['esbuild.mjs', '--tests'], 'The build'));
}
const vsix = path.join(CACHE, 'runs', 'start.vsix');
await step('Package the extension (vsce package: type check, lint, production bundle)', () => {
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  node([require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], 'vsce package');
});

const { FakeIntercom, deliverSamplesWhenListening } = require(path.join(ROOT, 'out/test/fake-intercom/index.js'));
const { WEB_APP_PAGE, WEB_APP_PREFIX } = require(path.join(ROOT, 'out/test/fake-intercom/webApp.js'));
const { findFreePort } = require(path.join(ROOT, 'out/src/webhooks/receiver.js'));
const { CodeServer } = require(path.join(ROOT, 'out/test/support/codeServer.js'));
const { projectBridgePage } = require(path.join(ROOT, 'out/test/support/bridgePage.js'));
const { startSampleCanvasApp } = require(path.join(ROOT, 'out/test/sample-canvas-app/index.js'));

const client = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
const runDir = path.join(CACHE, 'runs', 'start');
// Outside any git repository, so Git does not ask about "a repository in the parent folders"; one per clone.
const folder = path.join(os.tmpdir(), `intercom-sandbox-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`);

const { fake, bridgeUrl, accessToken, server, webhookPort, canvasApp } = await step('Start the fake Intercom, the sample Canvas Kit app, and code-server with the VSIX installed', async () => {
  const fake = await FakeIntercom.start({ consent: 'page' });
  // Intercom signs Canvas Kit requests with the app's client secret: the sample app checks them with the sandbox's.
  const canvasApp = await startSampleCanvasApp({ clientSecret: client.clientSecret });
  const bridgeUrl = fake.serveStatic('/bridge/', projectBridgePage());
  fake.serveStatic(WEB_APP_PREFIX, WEB_APP_PAGE);
  fake.addClient({ ...client, redirectUrls: [bridgeUrl], appName: 'Sandbox App' });
  const accessToken = fake.addToken();
  const webhookPort = await findFreePort();
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), folder, { recursive: true });
  const server = await CodeServer.start({
    ...toolchain,
    runDir,
    vsix,
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
    settings: {
      'intercom.advanced.appBaseUrl': fake.url,
      'intercom.advanced.apiBaseUrl': fake.url,
      'intercom.oauth.clientId': client.clientId,
      'intercom.oauth.redirectUrl': bridgeUrl,
      'intercom.webhooks.port': webhookPort,
      'intercom.canvasKit.initializeUrl': canvasApp.urls.initialize,
      'intercom.canvasKit.submitUrl': canvasApp.urls.submit,
      'intercom.canvasKit.configureUrl': canvasApp.urls.configure,
      'intercom.canvasKit.submitSheetUrl': canvasApp.urls.submitSheet,
    },
  });
  return { fake, bridgeUrl, accessToken, server, webhookPort, canvasApp };
});

const receiverUrl = `http://127.0.0.1:${webhookPort}/`;
console.log(`
Intercom Developer Tools is running in code-server against a fake Intercom (nothing leaves this machine).

  Open:            ${server.workbenchUrl(folder)}

  Fake Intercom:   ${fake.url}   (consent page, token exchange, /me, scoped endpoints)
  Redirect bridge: ${bridgeUrl}
  Client ID:       ${client.clientId}          (already in the sandbox's settings)
  Client secret:   ${client.clientSecret}          (type it when "Intercom: Connect" asks)
  Access Token:    ${accessToken}   (for "Intercom: Connect with Access Token")

Try: the Intercom icon in the activity bar → Connect → "Authorize access" on the fake consent page.
Then "Intercom: Generate Scope Checklist" on the sample app (${folder}, copied fresh on each start).
Logs: ${runDir}. Stop with Ctrl+C.

Webhooks: run "Intercom: Start Webhook Receiver" (port ${webhookPort}). Each time it starts, the fake Intercom
  delivers sample notifications to ${receiverUrl}, signed with the client secret above (a good one, a
  duplicate pair, a SHA-256 mistake): watch them arrive in the Webhook Events view.

Canvas Kit app:  ${canvasApp.url}   (a sample meeting-booking app; it verifies X-Body-Signature with the client secret above)
  Run "Intercom: Configure OAuth App" (the secret above), then "Intercom: Open Canvas Kit Simulator": its URLs are set.
  Initialize:    ${canvasApp.urls.initialize}
  Submit:        ${canvasApp.urls.submit}
  Configure:     ${canvasApp.urls.configure}
  Submit sheet:  ${canvasApp.urls.submitSheet}
`);
const stopDeliveries = deliverSamplesWhenListening(receiverUrl, client.clientSecret, (line) => console.log(`  webhooks: ${line}`));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  stopDeliveries();
  await server.stop();
  await canvasApp.close();
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
