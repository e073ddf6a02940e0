// The simulator panel's script alone in headless Chromium (the page the bench times): a long canvas draws
// its top at once and the rest in the tasks after, and what a person does on it reaches the extension as
// messages, through the one listener per kind on the frame.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { renderReply } from '../../src/canvasKit/render';
import type { FromWebview } from '../../src/canvasKit/panelMessages';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT } from '../support/codeServer';
import { webviewTestPage } from '../support/webviewPage';

const ROWS = 120;

/** A booking form repeated: an input with an action, a dropdown with one, a link, a button, a disabled button. */
function longCanvas() {
  const components = Array.from({ length: ROWS }, (_, i) => [
    { type: 'input', id: `name_${i}`, label: 'Name', value: `n${i}`, action: { type: 'submit' } },
    { type: 'dropdown', id: `slot_${i}`, label: 'Slot', options: [{ type: 'option', id: 'a', text: 'A' }, { type: 'option', id: 'b', text: 'B' }], action: { type: 'submit' } },
    { type: 'text', text: `See [the slot](https://example.com/slots/${i})` },
    { type: 'button', id: `book_${i}`, label: 'Book', action: { type: 'submit' } },
    { type: 'button', id: `off_${i}`, label: 'Closed', disabled: true, action: { type: 'submit' } },
  ]).flat();
  return { canvas: { content: { components } } };
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { posted: FromWebview[] }).posted.filter((m) => m.kind !== 'ready'));

suite('Canvas Kit simulator page in Chromium', function () {
  this.timeout(60_000);
  let browser: BrowserContext;
  let page: Page;

  suiteSetup(async () => {
    browser = await launchBrowser();
  });
  suiteTeardown(() => browser?.close());

  setup(async () => {
    page = await browser.newPage();
    await page.setContent(webviewTestPage(REPO_ROOT));
    const view = renderReply({ flow: 'initialize', placement: 'home', reply: longCanvas(), validate: () => [] });
    const state = { placement: 'home', screen: { kind: 'view', flow: 'initialize', view, configuring: false, live: false }, busy: false, completed: false, notices: [], accent: '#1f8ceb' };
    // Drawn as the message arrives; `drawnAtOnce` counts what was in the page before the script let go.
    const drawnAtOnce = await page.evaluate((s) => {
      window.dispatchEvent(new MessageEvent('message', { data: { kind: 'state', state: s } }));
      return document.querySelectorAll('.ck-component').length;
    }, state);
    assert.ok(drawnAtOnce > 0 && drawnAtOnce < ROWS * 5, `drawn at once: ${drawnAtOnce} of ${ROWS * 5}`);
  });
  teardown(() => page?.close());

  test('the rest of a long canvas follows: every component ends up in the page, in order', async () => {
    await page.waitForSelector('[data-drawn="all"]');
    const pointers = await page.$$eval('.ck-component', (nodes) => nodes.map((n) => n.getAttribute('data-pointer')));
    assert.deepEqual(pointers, Array.from({ length: ROWS * 5 }, (_, i) => `/canvas/content/components/${i}`));
  });

  test('a click before the rest is drawn still carries the values of every component', async () => {
    await page.evaluate(() => (document.querySelector('[data-component="book_0"]') as HTMLButtonElement).click());
    const [click] = await posted(page);
    assert.equal(click.kind, 'click');
    const values = (click as Extract<FromWebview, { kind: 'click' }>).values;
    assert.equal(values[`name_${ROWS - 1}`], `n${ROWS - 1}`, JSON.stringify(values).slice(0, 300));
    assert.equal(Object.keys(values).filter((k) => k.startsWith('name_')).length, ROWS);
  });

  test('Enter in an input with an action, a dropdown choice and a link reach the extension; a disabled button and a blur do not', async () => {
    await page.waitForSelector('[data-drawn="all"]');
    await page.click('[data-component="off_3"]', { force: true });
    await page.fill('#ck-c-name_2', 'Ada');
    await page.press('#ck-c-name_2', 'Tab'); // a change by blur: no submit
    await page.press('#ck-c-name_2', 'Enter');
    await page.selectOption('#ck-c-slot_4', 'b');
    await page.click('a[title="https://example.com/slots/5"]');
    const messages = (await posted(page)).map((m) => (m.kind === 'click' ? `click ${m.componentId} ${String(m.values.name_2)}` : m.kind === 'openLink' ? `openLink ${m.url}` : m.kind));
    assert.deepEqual(messages, ['click name_2 Ada', 'click slot_4 Ada', 'openLink https://example.com/slots/5']);
  });
});
