// A person in the browser: opens the Intercom container, runs "Intercom: Connect" from the palette,
// approves on the (fake) Intercom consent page, the bridge page on 127.0.0.1 forwards to code-server's
// /callback, and the Workspace view shows the workspace.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { FakeIntercom } from '../fake-intercom';
import { projectBridgePage } from '../support/bridgePage';
import { launchBrowser } from '../support/browser';
import { CodeServer, REPO_ROOT, toolchainFromEnv } from '../support/codeServer';
import { until } from '../support/until';
import { Workbench } from './workbench';

const CLIENT = { clientId: 'e2e-client', clientSecret: 'e2e-secret-Qx7+/=' };
const WORKSPACE_ROW = 'Hogwarts workspace (drzzt019)';

suite('E2E: Connect in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  let fake: FakeIntercom;
  let server: CodeServer;
  let browser: BrowserContext;
  let wb: Workbench;
  let url: string;

  /** A step of the "Build an Intercom App" walkthrough; aria-checked says whether VS Code ticked it. */
  const walkthroughStep = (title: string) => wb.page.locator('button.getting-started-step', { hasText: title }).first();

  suiteSetup(async () => {
    fake = await FakeIntercom.start({ consent: 'page' });
    const bridgeUrl = fake.serveStatic('/bridge/', projectBridgePage());
    fake.addClient({ ...CLIENT, redirectUrls: [bridgeUrl], appName: 'My Intercom App' });
    const runDir = path.join(REPO_ROOT, '.vscode-test', 'runs', 'e2e');
    server = await CodeServer.start({
      ...toolchainFromEnv(),
      runDir,
      settings: {
        'intercom.advanced.appBaseUrl': fake.url,
        'intercom.advanced.apiBaseUrl': fake.url,
        'intercom.oauth.clientId': CLIENT.clientId,
        'intercom.oauth.redirectUrl': bridgeUrl,
      },
    });
    const folder = path.join(runDir, 'workspace');
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    browser = await launchBrowser(path.join(runDir, 'chromium'));
    wb = new Workbench(browser.pages()[0] ?? (await browser.newPage()), browser);
    url = server.workbenchUrl(folder);
    await wb.open(url);
  });

  teardown(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const name = `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    console.log(`  screenshot: ${await wb.screenshot(name)}; fake saw: ${fake.requests.map((r) => `${r.route} ${r.status ?? ''}`).join(', ')}`);
  });

  suiteTeardown(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake?.close();
  });

  test('the Intercom container is in the activity bar and shows the welcome view', async () => {
    const item = wb.activityBarItem('Intercom');
    await item.waitFor();
    await item.click();
    const welcome = wb.page.locator('.welcome-view-content', { hasText: 'Connect VS Code to an Intercom workspace' });
    await welcome.waitFor();
    for (const button of ['Connect', 'Connect with Access Token', 'Configure OAuth App']) {
      assert.equal(await welcome.locator('a.monaco-button', { hasText: new RegExp(`^${button}$`) }).count(), 1, button);
    }
    await wb.screenshot('welcome-view');
  });

  test("the welcome view's link opens the walkthrough; nothing is ticked before it is done", async () => {
    await wb.page.locator('.welcome-view-content a', { hasText: 'Build an Intercom App' }).click();
    await walkthroughStep('Configure your OAuth app').waitFor({ timeout: 30_000 });
    for (const title of ['Configure your OAuth app', 'Create the redirect bridge page', 'Connect a workspace', 'Generate the scope checklist']) {
      assert.equal(await walkthroughStep(title).getAttribute('aria-checked'), 'false', title);
    }
    await wb.screenshot('walkthrough');
    await wb.runCommand('View: Close All Editors');
  });

  test('"Intercom: Connect" from the palette: consent approved, bridge forwards, the view shows the workspace', async () => {
    assert.equal(fake.count('GET /me'), 0, 'nothing is called before connecting');
    await wb.runCommand('Intercom: Connect');
    // The client secret is missing: Connect asks for it instead of failing.
    const consentPage = browser.waitForEvent('page', { timeout: 60_000 });
    await wb.answerInput(CLIENT.clientSecret, /Configure OAuth App/);
    // Opening an external site or handing a URI to an extension may ask first, as for any person.
    void wb.clickDialogButton(/^(Open|Allow)$/, 10_000);
    const consent: Page = await consentPage;
    await consent.getByRole('button', { name: 'Authorize access' }).click();
    void wb.clickDialogButton(/^(Open|Allow)$/, 10_000);
    await wb.treeRow(WORKSPACE_ROW).waitFor({ timeout: 60_000 });
    assert.equal(fake.count('POST /auth/eagle/token'), 1);
    assert.equal(fake.count('GET /me'), 1, 'the view (shown) reuses the /me Connect read');
    assert.equal(fake.count('GET /bridge/'), 1, 'the browser went through the bridge page');
    await wb.treeRow('Hermione Granger').first().waitFor();
    await wb.page.locator('.part.statusbar', { hasText: 'Hogwarts workspace' }).waitFor();
    await wb.screenshot('workspace-view');
  });

  test('the walkthrough ticks the steps that succeeded: the app configured (the secret Connect asked for) and connected', async () => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Build an Intercom App' }).filter({ visible: true }).click();
    await walkthroughStep('Connect a workspace').waitFor({ timeout: 30_000 });
    const checked = async (title: string) => (await walkthroughStep(title).getAttribute('aria-checked')) === 'true';
    assert.ok(await checked('Configure your OAuth app'));
    assert.ok(await checked('Connect a workspace'));
    assert.ok(!(await checked('Create the redirect bridge page')), 'not done here');
    assert.ok(!(await checked('Generate the scope checklist')), 'not done here');
    await wb.runCommand('View: Close All Editors');
  });

  test('while Connect waits, its notification offers the paste link; it opens the paste box, and the notification closes when Connect ends', async () => {
    const consentPage = browser.waitForEvent('page', { timeout: 60_000 });
    await wb.runCommand('Intercom: Connect');
    void wb.clickDialogButton(/^(Open|Allow)$/, 10_000);
    const consent = await consentPage; // nobody approves: Connect keeps waiting
    await wb.runCommand('Notifications: Show Notifications');
    const waiting = wb.page.locator('.notifications-center .notification-list-item', { hasText: 'Waiting for Intercom' });
    await waiting.waitFor({ timeout: 30_000 });
    assert.match(await waiting.innerText(), /Connecting to Intercom: Waiting for Intercom in your browser/);
    await waiting.locator('a', { hasText: 'Paste the callback URL' }).click();
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Paste Callback URL' }).waitFor();
    await wb.runCommand('Notifications: Show Notifications'); // leaves the paste box unanswered
    await waiting.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await wb.page.locator('.notifications-center .notification-list-item', { hasText: 'Connect to Intercom cancelled' }).waitFor();
    assert.equal(await waiting.count(), 0, 'the waiting notification closed with the Connect');
    await consent.close();
    await wb.runCommand('Notifications: Clear All Notifications');
  });

  test('after a reload with the view hidden, activation calls no /me; showing the view reads it once', async () => {
    // The workbench stores the open side bar view asynchronously, and removes the key for the default one
    // (the Explorer): reload only once the Intercom view is no longer stored as the one to restore.
    const activeView = () => wb.storedState('workbench.sidebar.activeviewletid');
    await until(async () => (await activeView()) === 'workbench.view.extension.intercom', 'the Intercom view to be stored as open');
    await wb.runCommand('View: Show Explorer');
    await wb.page.locator('.part.sidebar .composite.title', { hasText: /Explorer/i }).waitFor();
    await until(async () => (await activeView()) === undefined, 'the Explorer to be stored as open');
    await wb.page.reload();
    await wb.page.locator('.part.sidebar .composite.title', { hasText: /Explorer/i }).waitFor({ timeout: 90_000 });
    fake.reset();
    await wb.runCommand('Intercom: Show Log'); // activates the extension without showing its view
    // Activated: its status bar item is back, showing the stored workspace.
    await wb.page.locator('.part.statusbar', { hasText: 'Hogwarts workspace' }).waitFor();
    assert.equal(fake.count('GET /me'), 0, 'no /me at activation with the view hidden');
    await wb.activityBarItem('Intercom').click();
    await wb.treeRow(WORKSPACE_ROW).waitFor({ timeout: 30_000 });
    // The view has read the workspace: a /me sent at activation would have reached the fake before this one.
    await until(() => fake.count('GET /me') >= 1, 'the view to read /me');
    assert.equal(fake.count('GET /me'), 1, 'one /me for the one workspace when the view is shown');
  });
});
