// A person receiving webhooks in the browser: configures the app's secret, starts the receiver, the fake
// Intercom delivers a signed notification, the Webhook Events view shows it verified, and clicking it
// opens the body. The view's screenshot is the README's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { FakeIntercom, deliverNotification } from '../fake-intercom';
import { projectBridgePage } from '../support/bridgePage';
import { launchBrowser } from '../support/browser';
import { CodeServer, REPO_ROOT, freePort, toolchainFromEnv } from '../support/codeServer';
import { until } from '../support/until';
import { SCREENSHOTS, Workbench } from './workbench';

const CLIENT = { clientId: 'e2e-webhooks-client', clientSecret: 'e2e-webhooks-secret-Qx7+/=' };

suite('E2E: webhooks in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  let fake: FakeIntercom;
  let server: CodeServer;
  let browser: BrowserContext;
  let wb: Workbench;
  let receiverUrl: string;

  suiteSetup(async () => {
    fake = await FakeIntercom.start({ consent: 'page' });
    const bridgeUrl = fake.serveStatic('/bridge/', projectBridgePage());
    const port = await freePort();
    receiverUrl = `http://127.0.0.1:${port}/`;
    const runDir = path.join(REPO_ROOT, '.vscode-test', 'runs', 'e2e-webhooks');
    server = await CodeServer.start({
      ...toolchainFromEnv(),
      runDir,
      settings: {
        'intercom.advanced.appBaseUrl': fake.url,
        'intercom.advanced.apiBaseUrl': fake.url,
        'intercom.oauth.clientId': CLIENT.clientId,
        'intercom.oauth.redirectUrl': bridgeUrl,
        'intercom.webhooks.port': port,
      },
    });
    const folder = path.join(runDir, 'workspace');
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    browser = await launchBrowser(path.join(runDir, 'chromium'));
    wb = new Workbench(browser.pages()[0] ?? (await browser.newPage()), browser);
    await wb.open(server.workbenchUrl(folder));
  });

  teardown(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const name = `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    console.log(`  screenshot: ${await wb.screenshot(name)}`);
  });

  suiteTeardown(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake?.close();
  });

  test('a delivered notification shows verified in the Webhook Events view; clicking it opens the body', async () => {
    await wb.activityBarItem('Intercom').click();
    await wb.runCommand('Intercom: Configure OAuth App');
    await wb.answerInput(CLIENT.clientId, /Configure OAuth App \(1\/4\)/);
    await wb.answerInput(CLIENT.clientSecret, /Configure OAuth App \(2\/4\)/);
    await wb.answerInput(fake.url.replace(/\/?$/, '/bridge/'), /Configure OAuth App \(3\/4\)/);
    await wb.answerInput('US', /Configure OAuth App \(4\/4\)/);

    await wb.runCommand('Intercom: Start Webhook Receiver');
    await until(() => fetch(receiverUrl, { method: 'HEAD' }).then((r) => r.status === 200, () => false), 'the receiver to answer HEAD', 60_000);
    await wb.page.locator('.part.statusbar', { hasText: /Webhooks :\d+ · 0/ }).waitFor();

    const [report] = await deliverNotification({ url: receiverUrl, topic: 'conversation.user.created', secret: CLIENT.clientSecret, retryDelaysMs: [] });
    assert.equal(report.delivered, true, JSON.stringify(report.attempts));

    const header = wb.page.locator('.pane-header', { hasText: 'Webhook Events' });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const row = wb.treeRow(/conversation\.user\.created.*✓ verified/);
    await row.waitFor({ timeout: 30_000 });
    await wb.page.locator('.part.statusbar', { hasText: /Webhooks :\d+ · 1/ }).waitFor();
    // For the README's picture: a duplicate pair and a common mistake beside it, the Workspace section folded.
    await deliverNotification({ url: receiverUrl, topic: 'ticket.created', secret: CLIENT.clientSecret, copies: 2, retryDelaysMs: [] });
    await deliverNotification({ url: receiverUrl, topic: 'contact.user.created', secret: CLIENT.clientSecret, flaw: 'sha256', retryDelaysMs: [] });
    await wb.treeRow(/contact\.user\.created.*✗ SHA-256/).waitFor();
    await wb.treeRow(/ticket\.created.*×2 deliveries/).waitFor();
    await wb.page.locator('.pane-header', { hasText: /^Workspace/ }).click();
    await wb.treeRow(/ticket\.created.*×2 deliveries/).click();
    await wb.treeRow(/ticket\.created.*attempt 1/).first().waitFor();
    // Wide enough for the descriptions: drag the side bar's edge, then keep the part with rows.
    const bar = (await wb.page.locator('.part.sidebar').boundingBox())!;
    const edge = bar.x + bar.width;
    const sashes = await wb.page.locator('.monaco-sash.vertical').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const sash = sashes.find((r) => Math.abs(r.x + r.width / 2 - edge) < 6 && r.height > bar.height / 2);
    await wb.page.mouse.move(sash ? sash.x + sash.width / 2 : edge, bar.y + bar.height / 2);
    await wb.page.mouse.down();
    await wb.page.mouse.move(bar.x + bar.width + 320, bar.y + bar.height / 2, { steps: 5 });
    await wb.page.mouse.up();
    const wide = (await wb.page.locator('.part.sidebar').boundingBox())!;
    const shot = path.join(SCREENSHOTS, 'webhook-events.png');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await wb.page.screenshot({ path: shot, clip: { x: wide.x, y: wide.y, width: wide.width, height: 200 } });
    fs.copyFileSync(shot, path.join(REPO_ROOT, 'media', 'webhook-events.png'));

    await wb.treeRow(/conversation\.user\.created.*✓ verified/).click();
    await wb.page.locator('.tab', { hasText: 'conversation.user.created.jsonc' }).waitFor();
    const editor = wb.page.locator('.editor-instance .view-lines');
    await until(async () => /x-hub-signature: sha1=/.test((await editor.innerText()).replace(/\u00a0/g, ' ')), 'the headers in the document');
    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /"topic": "conversation\.user\.created"/, text);
    assert.match(text, new RegExp(`"id": "${report.id}"`), text);
  });
});
