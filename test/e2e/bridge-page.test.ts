// The redirect bridge page in headless Chromium: rendered from media/ and dist/bridge-page.js (the
// E2E suite runs after a build), served on 127.0.0.1 beside a fake code-server /callback page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REFUSAL, type Refusal } from '../../src/bridge/refusals';
import { PAYLOAD_PARAM, decodePayload, encodePayload, encodeState } from '../../src/connect/uriPayload';
import { projectBridgePage } from '../support/bridgePage';
import { REPO_ROOT } from '../support/codeServer';
import { CHROMIUM_ARGS } from '../support/browser';

const ID = 'seedworks.intercom-devtools';
/** Base64-like, as Intercom's are: `+`, `/` and a trailing `=`. */
const CODE = 'q1+Zx/7Rw9k+Lm/P0a==';
const CALLBACK_PATH = '/stable-abc/callback';
const SCREENSHOT = path.join(REPO_ROOT, 'test-results/screenshots/bridge-page.png');

/** What the init script below adds to every page: where the page's own script tried to navigate. */
type Recorded = { bridgeNavigations: string[] };
const navigationsOf = (page: Page) => page.evaluate(() => (window as unknown as Recorded).bridgeNavigations);

suite('bridge page in Chromium', () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  /** Request URLs the fake code-server /callback page received. */
  const received: string[] = [];
  /** Console lines about the Content-Security-Policy, and uncaught page errors. */
  let violations: string[];
  /** Requests the page tried to make off this machine; each is aborted, never sent. */
  const leftLoopback: string[] = [];

  suiteSetup(async () => {
    const page = projectBridgePage(['*.example.com']);
    server = http.createServer((req, res) => {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (pathname === '/bridge') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page);
      } else if (pathname === CALLBACK_PATH) {
        received.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><title>code-server callback</title><p>You can close this page now.</p>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    context.setDefaultTimeout(5000); // fail fast: every step here takes well under a second
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => {
      leftLoopback.push(route.request().url());
      return route.abort();
    });
    // The Navigation API fires `navigate` synchronously inside location.replace, even for vscode:// links
    // (injected by the browser driver, so the page's CSP does not apply).
    await context.addInitScript(() => {
      const w = window as unknown as Recorded & { navigation: EventTarget };
      w.bridgeNavigations = [];
      w.navigation.addEventListener('navigate', (e) => w.bridgeNavigations.push((e as Event & { destination: { url: string } }).destination.url));
    });
  });

  suiteTeardown(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  setup(() => {
    received.length = 0;
    leftLoopback.length = 0;
    violations = [];
  });

  function codeServerCallback(extensionId = ID): string {
    return `${base}${CALLBACK_PATH}?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=${extensionId}`
      + '&vscode-path=%2Fcallback&vscode-query=nonce%3DN0nce_-x';
  }

  /** Opens the bridge as Intercom redirects to it: its answer plus our state. */
  async function openBridge(callback: string, answer: Record<string, string>): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
    await page.goto(`${base}/bridge?${new URLSearchParams({ ...answer, state: encodeState(callback) })}`, { waitUntil: 'commit' });
    return page;
  }

  /** `notShown`: what the link's maker chose, which the page must not display. */
  async function expectRefused(page: Page, because: Refusal, ...notShown: string[]): Promise<void> {
    await page.locator('#refused').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#reason').textContent(), because);
    const text = await page.locator('body').innerText();
    for (const chosen of notShown) assert.ok(!text.includes(chosen), `the page shows "${chosen}"`);
    assert.equal(await page.locator('#status').textContent(), 'This link was not forwarded.');
    // The page decides in one synchronous run: once the refusal shows, a navigation would already be recorded.
    assert.deepEqual(await navigationsOf(page), []);
    assert.equal(new URL(page.url()).pathname, '/bridge');
    assert.equal(await page.locator('#fallback').isHidden(), true);
    assert.deepEqual(received, []);
    assert.deepEqual(leftLoopback, []);
  }

  test('forwards a code to code-server\'s /callback page, exact and with the vscode-* params intact', async () => {
    const page = await openBridge(codeServerCallback(), { code: CODE });
    await page.waitForURL((url) => url.pathname === CALLBACK_PATH);
    assert.equal(received.length, 1);
    const forwarded = new URL(received[0], base).searchParams;
    assert.deepEqual(decodePayload(forwarded.get(PAYLOAD_PARAM) ?? ''), { code: CODE });
    for (const [name, value] of new URL(codeServerCallback()).searchParams) assert.equal(forwarded.get(name), value, name);
    assert.deepEqual(violations, []);
    await page.close();
  });

  test('forwards access_denied as an error payload', async () => {
    const page = await openBridge(codeServerCallback(), { error: 'access_denied', error_description: 'The user denied access' });
    await page.waitForURL((url) => url.pathname === CALLBACK_PATH);
    const forwarded = new URL(received[0], base).searchParams;
    assert.deepEqual(decodePayload(forwarded.get(PAYLOAD_PARAM) ?? ''), { error: 'access_denied', error_description: 'The user denied access' });
    assert.deepEqual(violations, []);
    await page.close();
  });

  test('refuses a foreign host, says why and goes nowhere', async () => {
    const page = await openBridge('https://evil.example/callback?vscode-authority=seedworks.intercom-devtools&vscode-path=%2Fcallback', { code: CODE });
    await expectRefused(page, REFUSAL.hostNotAllowed, 'evil.example');
    assert.deepEqual(violations, []);
    await page.close();
  });

  for (const answer of [{ code: CODE }, { error: 'x' }] as Record<string, string>[]) {
    test(`refuses a codespace port forward (${Object.keys(answer)[0]}), without naming it`, async () => {
      const portForward = `https://x-3000.app.github.dev/callback?vscode-reqid=1&vscode-scheme=vscode&vscode-authority=${ID}`
        + '&vscode-path=%2Fcallback&vscode-query=nonce%3DN';
      const page = await openBridge(portForward, answer);
      await expectRefused(page, REFUSAL.hostNotAllowed, 'x-3000', 'app.github.dev');
      assert.deepEqual(violations, []);
      await page.close();
    });
  }

  test('refuses another extension\'s callback on this machine', async () => {
    const page = await openBridge(codeServerCallback('evil.stealer'), { code: CODE });
    await expectRefused(page, REFUSAL.otherExtension, 'evil.stealer');
    assert.deepEqual(violations, []);
    await page.close();
  });

  test('refuses a missing state', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/bridge?code=${encodeURIComponent(CODE)}`);
    await expectRefused(page, REFUSAL.noState);
    await page.close();
  });

  test('the CSP is enforced: an injected inline script does not run', async () => {
    const page = await openBridge('https://evil.example/callback', { code: CODE });
    await page.locator('#refused').waitFor({ state: 'visible' }); // the page's own (hashed) script ran
    assert.deepEqual(violations, []);
    const reported = page.waitForEvent('console', (m) => /Content.Security.Policy/i.test(m.text()));
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
      return document.body.dataset.injected === 'yes';
    });
    assert.equal(ran, false);
    await reported;
    assert.equal(violations.length, 1, violations.join('\n'));
    assert.match(violations[0], /script-src/);
    await page.close();
  });

  test('an editor-scheme callback shows the URL with a Copy button at once', async () => {
    const callback = `vscode://${ID}/callback?nonce=N0nce_-x`;
    const expected = new URL(callback);
    expected.searchParams.set(PAYLOAD_PARAM, encodePayload({ code: CODE }));
    const page = await openBridge(callback, { code: CODE });
    await page.locator('#fallback').waitFor({ state: 'visible', timeout: 1000 });
    assert.equal(await page.locator('#callback-url').inputValue(), expected.href);
    assert.equal(await page.locator('#open').getAttribute('href'), expected.href);
    assert.match(await page.locator('#fallback').textContent() ?? '', /copy this URL and paste it in VS Code where it asks for the callback URL/);
    // Headless Chromium keeps the vscode:// navigation pending and drops mouse input meanwhile
    // (a desktop browser hands it to the OS): dispatch the click instead.
    await page.locator('#copy').dispatchEvent('click');
    await page.locator('#copy-status').filter({ hasText: 'Copied.' }).waitFor({ timeout: 2000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.href);
    assert.equal(new URL(page.url()).pathname, '/bridge');
    assert.deepEqual(await navigationsOf(page), [expected.href], 'the recorder sees the navigation the page starts');
    assert.deepEqual(violations, []);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });
});
