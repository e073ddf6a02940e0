// A person receiving webhooks in the browser: configures the app's secret, starts the receiver, the fake
// Intercom delivers a signed notification, the Webhook Events view shows it verified, and clicking it
// opens the body. The view's screenshot is the README's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { deliverNotification } from '../fake-intercom';
import { projectBridgePage } from '../support/bridgePage';
import { freePort } from '../support/codeServer';
import { until } from '../support/until';
import { SCREENSHOTS } from './workbench';
import { useWorkbenchSuite } from './workbenchSuite';

const CLIENT = { clientId: 'e2e-webhooks-client', clientSecret: 'e2e-webhooks-secret-Qx7+/=' };

suite('E2E: webhooks in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  let receiverUrl: string;
  const bench = useWorkbenchSuite({
    run: 'e2e-webhooks',
    fake: { consent: 'page' },
    settings: async (fake) => {
      const port = await freePort();
      receiverUrl = `http://127.0.0.1:${port}/`;
      return {
        'intercom.oauth.clientId': CLIENT.clientId,
        'intercom.oauth.redirectUrl': fake.serveStatic('/bridge/', projectBridgePage()),
        'intercom.webhooks.port': port,
      };
    },
  });

  test('Start typed in the palette while the receiver runs says it runs already, with Copy URL, and keeps it running', async () => {
    const { wb } = bench;
    await wb.runCommand('Intercom: Start Webhook Receiver');
    const answers = () => fetch(receiverUrl, { method: 'HEAD' }).then((r) => r.status === 200, () => false);
    await until(answers, 'the receiver to answer HEAD', 60_000);
    const port = new URL(receiverUrl).port;
    await wb.page.locator('.part.statusbar', { hasText: `Webhooks :${port}` }).waitFor();

    await wb.enterInPalette('Intercom: Start Webhook Receiver', /Webhook Receiver/);
    // Toasts may be hidden behind others: the notification list shows every message.
    await wb.runCommand('Notifications: Show Notifications');
    const shown = wb.page.locator('.notifications-center .notification-list-item', { hasText: `already running on :${port}` });
    await shown.waitFor({ timeout: 30_000 });
    await shown.locator('.monaco-button', { hasText: 'Copy URL' }).waitFor();
    await wb.runCommand('Notifications: Clear All Notifications');
    assert.equal(await answers(), true, 'the receiver still runs');
    await wb.page.locator('.part.statusbar', { hasText: `Webhooks :${port}` }).waitFor();
  });

  test('a delivered notification shows verified in the Webhook Events view; clicking it opens the body', async () => {
    const { fake, wb } = bench;
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
    // Copied to media/ by hand when the view changes (README), like the other screenshots: a test run leaves the tree clean.
    await wb.page.screenshot({ path: shot, clip: { x: wide.x, y: wide.y, width: wide.width, height: 200 } });

    await wb.treeRow(/conversation\.user\.created.*✓ verified/).click();
    await wb.page.locator('.tab', { hasText: 'conversation.user.created.jsonc' }).waitFor();
    const editor = wb.page.locator('.editor-instance .view-lines');
    await until(async () => /x-hub-signature: sha1=/.test((await editor.innerText()).replace(/\u00a0/g, ' ')), 'the headers in the document');
    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /"topic": "conversation\.user\.created"/, text);
    assert.match(text, new RegExp(`"id": "${report.id}"`), text);
  });
});
