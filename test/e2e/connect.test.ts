// A person in the browser: opens the Intercom container, runs "Intercom: Connect" from the palette,
// approves on the (fake) Intercom consent page, the bridge page on 127.0.0.1 forwards to code-server's
// /callback, and the Workspace view shows the workspace.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { projectBridgePage } from '../support/bridgePage';
import { until } from '../support/until';
import { useWorkbenchSuite } from './workbenchSuite';

const CLIENT = { clientId: 'e2e-client', clientSecret: 'e2e-secret-Qx7+/=' };
const WORKSPACE_ROW = 'Hogwarts workspace (drzzt019)';

suite('E2E: Connect in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  const bench = useWorkbenchSuite({
    run: 'e2e',
    fake: { consent: 'page' },
    settings: (fake) => {
      const bridgeUrl = fake.serveStatic('/bridge/', projectBridgePage());
      fake.addClient({ ...CLIENT, redirectUrls: [bridgeUrl], appName: 'My Intercom App' });
      return { 'intercom.oauth.clientId': CLIENT.clientId, 'intercom.oauth.redirectUrl': bridgeUrl };
    },
  });

  /** A step of the "Build an Intercom App" walkthrough; aria-checked says whether VS Code ticked it. */
  const walkthroughStep = (title: string) => bench.wb.page.locator('button.getting-started-step', { hasText: title }).first();

  test('the Intercom container is in the activity bar and shows the welcome view', async () => {
    const { wb } = bench;
    const item = wb.activityBarItem('Intercom');
    await item.waitFor();
    await item.click();
    const welcome = wb.page.locator('.welcome-view-content', { hasText: 'Connect VS Code to an Intercom workspace' });
    await welcome.waitFor();
    for (const button of ['Connect', 'Connect with Access Token', 'Configure OAuth App']) {
      assert.equal(await welcome.locator('a.monaco-button', { hasText: new RegExp(`^${button}$`) }).count(), 1, button);
    }
    // The API points at a fake Intercom here, as in the sandbox: no hint to start the sandbox from inside it.
    assert.doesNotMatch(await welcome.innerText(), /npm start|Try the sandbox/);
    await wb.screenshot('welcome-view');
  });

  test("the welcome view's link opens the walkthrough; nothing is ticked before it is done", async () => {
    const { wb } = bench;
    await wb.page.locator('.welcome-view-content a', { hasText: 'Build an Intercom App' }).click();
    await walkthroughStep('Configure your OAuth app').waitFor({ timeout: 30_000 });
    for (const title of ['Configure your OAuth app', 'Create the redirect bridge page', 'Connect a workspace', 'Generate the scope checklist']) {
      assert.equal(await walkthroughStep(title).getAttribute('aria-checked'), 'false', title);
    }
    await wb.screenshot('walkthrough');
    await wb.runCommand('View: Close All Editors');
  });

  test('"Intercom: Connect" from the palette: consent approved, bridge forwards, the view shows the workspace', async () => {
    const { fake, browser, wb } = bench;
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
    await wb.screenshotSideBar('workspace-view'); // copy to media/ when the view changes (README)
  });

  test('the walkthrough ticks the steps that succeeded: the app configured (the secret Connect asked for) and connected', async () => {
    const { wb } = bench;
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
    const { browser, wb } = bench;
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
    const { fake, wb } = bench;
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
