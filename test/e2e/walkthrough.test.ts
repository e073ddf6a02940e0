// A newcomer following the "Build an Intercom App" walkthrough in the browser, step by step through its
// buttons: the prompts they open take the keyboard, and each step's picture (media/walkthrough/*.png, copied
// from test-results/screenshots/walkthrough-*.png when a prompt or view changes) is taken here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { projectBridgePage } from '../support/bridgePage';
import { freePort } from '../support/codeServer';
import { until } from '../support/until';
import { SCREENSHOTS } from './workbench';
import { useWorkbenchSuite } from './workbenchSuite';

suite('E2E: the walkthrough in the browser (code-server + headless Chromium)', function () {
  this.timeout(240_000);
  let webhookPort: number;
  const bench = useWorkbenchSuite({
    run: 'e2e-walkthrough',
    fake: { consent: 'page' },
    settings: async (fake) => {
      webhookPort = await freePort();
      return { 'intercom.oauth.redirectUrl': fake.serveStatic('/bridge/', projectBridgePage()), 'intercom.webhooks.port': webhookPort };
    },
  });

  const openWalkthrough = async () => {
    const { wb } = bench;
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Build an Intercom App' }).filter({ visible: true }).click();
  };
  /**
   * Opens a step (its title is a button) and clicks one of its buttons once the step has the keyboard: the
   * walkthrough gives an opened step the keyboard after its slide (a timer of 250 ms, later on a busy page), so a
   * box opened before that would lose it to the step; a person sees the step open before reaching its button.
   */
  const runStep = async (title: string, button: string) => {
    const { page } = bench.wb;
    await page.locator('button.getting-started-step', { hasText: title }).first().click();
    await until(async () => (await focusedStep()) === title, `the walkthrough to focus the step "${title}" it opened`);
    await stepButton(button).click();
  };
  const stepButton = (label: string) =>
    bench.wb.page.locator('.getting-started-step.expanded :is(a, button)', { hasText: new RegExp(`^${label}$`) }).first();
  /** The title of the step that has the keyboard, '' when none has. */
  const focusedStep = () => bench.wb.page.evaluate(() =>
    document.activeElement?.closest('.getting-started-step')?.querySelector('.step-title')?.textContent ?? '');
  /** As a keyboard user: the arrows to the step (it opens), then its button focused and Enter. */
  const pressStep = async (title: string, button: string) => {
    const { page } = bench.wb;
    // The walkthrough gives its open step the keyboard once shown; each arrow then moves it to the next step.
    let at = await until(focusedStep, 'the walkthrough to focus its open step');
    for (let moves = 0; at !== title; moves++) {
      assert.ok(moves < 10, `no step "${title}" below "${at}"`);
      await page.keyboard.press('ArrowDown');
      const from = at;
      at = await until(async () => ((await focusedStep()) !== from) && focusedStep(), `the step after "${from}"`);
    }
    await stepButton(button).focus();
    // A tap: the key is up before the box opens, as when the extension is not warm yet.
    await page.keyboard.press('Enter');
  };
  const input = () => bench.wb.page.locator('.quick-input-widget');
  /** The step's picture: `around` with a margin, inside the page, at most `height` high. */
  const picture = async (name: string, around: Locator, height = Infinity) => {
    const box = (await around.boundingBox())!;
    box.height = Math.min(box.height, height);
    const margin = 24;
    const x = Math.max(0, box.x - margin);
    const y = Math.max(0, box.y - margin);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await bench.wb.page.screenshot({ path: path.join(SCREENSHOTS, `walkthrough-${name}.png`), clip: { x, y, width: box.width + 2 * margin, height: box.height + 2 * margin } });
  };

  /**
   * Types a new Access Token into the box the step opened, as keys at a person's pace (only a focused box
   * receives them; never clicked into), and checks the box got it all and Connect checked it with /me.
   */
  const typeToken = async () => {
    const { fake, wb } = bench;
    const box = input().locator('input.input');
    await box.waitFor();
    const token = fake.addToken();
    await wb.page.keyboard.type(token, { delay: 30 });
    assert.equal(await box.inputValue(), token, `the box got what was typed (focus: ${await focused()})`);
    await wb.page.keyboard.press('Enter');
    await until(() => fake.requestsTo('GET /me').some((r) => r.headers.authorization === `Bearer ${token}`), 'Connect to check the typed token with /me');
    await wb.page.locator('.part.statusbar', { hasText: 'Hogwarts workspace' }).waitFor({ timeout: 30_000 });
  };
  const focused = () => bench.wb.page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}.${el.className.replace(/ /g, '.')} "${el.getAttribute('aria-label') ?? ''}"` : 'nothing';
  });

  test('an input box opened from the walkthrough takes the keyboard: the Access Token typed into it connects', async () => {
    await openWalkthrough();
    await runStep('Connect a workspace', 'Connect with Access Token');
    await input().locator('input.input').waitFor();
    await picture('connect', input());
    await typeToken();
    await bench.wb.runCommand('View: Close All Editors');
  });

  test("the same with the step's button pressed by the keyboard (Enter): the walkthrough does not take the box's keyboard back", async () => {
    await openWalkthrough();
    await pressStep('Connect a workspace', 'Connect with Access Token');
    await typeToken();
    await bench.wb.runCommand('View: Close All Editors');
  });

  test("a step's button that opens no prompt, pressed by the keyboard, leaves the keyboard on its step", async () => {
    const { wb } = bench;
    await openWalkthrough();
    await pressStep('Receive webhooks', 'Start Webhook Receiver');
    await wb.page.locator('.part.statusbar', { hasText: `Webhooks :${webhookPort}` }).waitFor({ timeout: 30_000 });
    await until(async () => (await focusedStep()) === 'Receive webhooks', 'the keyboard back on the step')
      .catch(async (e: Error) => assert.fail(`${e.message} (focus: ${await focused()})`));
    await wb.runCommand('Intercom: Stop Webhook Receiver');
    await wb.runCommand('View: Close All Editors');
  });

  test("each step's button opens its prompt or starts its work; the pictures of the steps", async () => {
    const { fake, wb } = bench;
    await openWalkthrough();
    const prompt = async (name: string, step: string, button: string) => {
      await runStep(step, button);
      await input().locator('input.input').waitFor();
      await picture(name, input());
      await wb.page.keyboard.press('Escape');
      await input().waitFor({ state: 'hidden' });
    };
    await prompt('configure-app', 'Configure your OAuth app', 'Configure OAuth App');
    await prompt('bridge-page', 'Create the redirect bridge page', 'Create Redirect Bridge Page');
    await prompt('checklist', 'Generate the scope checklist', 'Generate Scope Checklist');
    if ((await wb.page.locator('.part.statusbar', { hasText: 'Hogwarts workspace' }).count()) === 0) {
      await wb.runCommand('Intercom: Connect with Access Token');
      await wb.answerInput(fake.addToken());
      await wb.page.locator('.part.statusbar', { hasText: 'Hogwarts workspace' }).waitFor({ timeout: 30_000 });
    }
    await runStep('Call the API', 'Call API');
    await input().locator('.quick-input-title', { hasText: /^Call API/ }).waitFor();
    await input().locator('input.input').fill('POST /contacts create');
    await input().locator('.quick-input-list .monaco-list-row', { hasText: 'Create contact' }).first().waitFor();
    await picture('call-api', input());
    await wb.page.keyboard.press('Escape');

    await runStep('Receive webhooks', 'Start Webhook Receiver');
    await wb.page.locator('.part.statusbar', { hasText: `Webhooks :${webhookPort}` }).waitFor({ timeout: 30_000 });
    // Its message says which address to register.
    await wb.runCommand('Notifications: Show Notifications');
    const started = wb.page.locator('.notifications-center .notification-list-item', { hasText: `Webhook receiver on port ${webhookPort}` });
    await started.waitFor();
    await picture('webhooks', started);
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.runCommand('Intercom: Stop Webhook Receiver');
    // The sandbox's picture: this same setup, VS Code in the browser connected to the fake Intercom.
    await wb.runCommand('Intercom: Focus on Workspace View');
    await wb.treeRow('Hogwarts workspace (drzzt019)').waitFor();
    await picture('sandbox', wb.page.locator('.part.sidebar'), 240);

    // A step that completes when its command runs (onCommand): its button runs the command after a blur
    // (runCommands), and that still counts.
    await openWalkthrough();
    await runStep('Try a Canvas Kit app locally (optional)', 'Open Canvas Kit Simulator');
    await wb.page.locator('.tabs-container .tab', { hasText: 'Canvas Kit Simulator' }).waitFor({ timeout: 30_000 });
    await openWalkthrough();
    await wb.page.locator('button.getting-started-step[aria-checked="true"]', { hasText: 'Try a Canvas Kit app locally' }).waitFor();
  });
});
