// `npm start` as a person uses it: it prints a URL that serves the workbench and a sandbox whose
// printed Access Token works; in that workbench the extension talks the way it does for users
// (toasts, not only the bell's list), its links stay in the sandbox, and Ctrl+C stops it cleanly.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { REPO_ROOT } from '../support/codeServer';
import { until } from '../support/until';
import { Workbench } from './workbench';
import { screenshotFailures } from './workbenchSuite';

const WORKSPACE_ROW = 'Hogwarts workspace (drzzt019)';

suite('E2E: npm start sandbox', function () {
  this.timeout(480_000);
  let child: ChildProcess;
  let exited: Promise<number | null>;
  let out = '';
  let printed: { open: string; fake: string; token: string; secret: string };
  let browser: BrowserContext;
  let wb: Workbench;

  suiteSetup(async () => {
    child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/start.mjs'), '--no-build'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    exited = new Promise((resolve) => child.on('exit', resolve));
    await until(() => /Access Token: +\S+/.test(out) || child.exitCode !== null, 'the sandbox to print its URL and token', 420_000);
    const open = /Open: +(\S+)/.exec(out)?.[1];
    const fake = /Fake Intercom: +(\S+)/.exec(out)?.[1];
    const token = /Access Token: +(\S+)/.exec(out)?.[1];
    const secret = /Client secret: +(\S+)/.exec(out)?.[1];
    assert.ok(open && fake && token && secret, out);
    printed = { open, fake, token, secret };
    browser = await launchBrowser(fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-e2e-start-')));
    wb = new Workbench(browser.pages()[0] ?? (await browser.newPage()), browser);
  });

  screenshotFailures('start', () => wb);

  suiteTeardown(async () => {
    await browser?.close().catch(() => undefined);
    if (child?.exitCode === null) child.kill('SIGINT');
  });

  test('prints the URL to open; the workbench and the fake Intercom answer; the folder is outside any git repository', async () => {
    const { open, fake, token } = printed;
    assert.match(open, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    assert.equal((await fetch(open)).status, 200, 'the workbench page');
    const me = await fetch(`${fake}/me`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    assert.equal(me.status, 200, 'the printed token works on the sandbox');
    assert.equal((await me.json()).type, 'admin');
    // Inside a clone, Git would ask "A git repository was found in the parent folders…".
    const folder = new URL(open).searchParams.get('folder')!;
    assert.ok(fs.existsSync(path.join(folder, 'README.md')), `the sample app is in ${folder}`);
    const git = spawnSync('git', ['-C', folder, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
    assert.notEqual(git.status, 0, `${folder} is inside the git repository ${git.stdout.trim()}`);
  });

  test('the printed sample Canvas Kit app answers a request signed with the printed client secret, and refuses an unsigned one', async () => {
    const initialize = /Initialize: +(\S+)/.exec(out)?.[1];
    assert.match(initialize ?? '', /^http:\/\/127\.0\.0\.1:\d+\/initialize$/, out);
    const body = JSON.stringify({ workspace_id: 'drzzt019', workspace_region: 'us', card_creation_options: {}, context: { location: 'home', locale: 'en' } });
    const signature = createHmac('sha256', printed.secret).update(body).digest('hex');
    const signed = await fetch(initialize!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-body-signature': signature }, body });
    assert.equal(signed.status, 200);
    assert.equal((await signed.json()).canvas.content.components[0].text, 'Book a meeting');
    assert.equal((await fetch(initialize!, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status, 401);
  });

  test('Connect with the printed Access Token shows its "Connected to …" toast', async () => {
    await wb.open(printed.open);
    await wb.runCommand('Intercom: Connect with Access Token');
    await wb.answerInput(printed.token, /Connect with Access Token/);
    await wb.notification(/Connected to /).waitFor({ timeout: 60_000 });
    await wb.activityBarItem('Intercom').click();
    await wb.treeRow(WORKSPACE_ROW).waitFor({ timeout: 30_000 });
  });

  for (const [command, linkPath] of [
    ['Intercom: Open Workspace in Browser', '/a/apps/drzzt019'],
    ['Intercom: Open Developer Hub', '/a/apps/drzzt019/developer-hub'], // the connected workspace's own
  ]) {
    test(`"${command}" opens the sandbox's web app, not app.intercom.com`, async () => {
      const opened = browser.waitForEvent('page', { timeout: 30_000 });
      await wb.runCommand(command);
      // The workbench asks before opening a site it does not trust yet, as it would for a person.
      void wb.clickDialogButton(/^Open$/, 10_000);
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      const url = new URL(page.url());
      assert.equal(url.hostname, '127.0.0.1', page.url());
      assert.ok(url.pathname.endsWith(linkPath), page.url());
      await page.getByRole('heading', { name: /Fake Intercom/ }).waitFor();
      await page.close();
    });
  }

  test('Disconnect asks in a toast; confirming it shows "Disconnected …" and the welcome view', async () => {
    await wb.runCommand('Intercom: Disconnect');
    const confirm = wb.notification(/Disconnect .*\?/).locator('a.monaco-button', { hasText: /^Disconnect$/ });
    await confirm.waitFor({ timeout: 30_000 });
    await confirm.click();
    await wb.notification(/Disconnected /).waitFor({ timeout: 30_000 });
    await wb.page.locator('.welcome-view-content', { hasText: 'Connect VS Code to an Intercom workspace' }).waitFor();
  });

  test('Connect (OAuth) with the printed client secret: the fake consent page, the bridge, then the "Connected to …" toast', async () => {
    // The Access Token's toast may still be up: clear it, so the toast below is this Connect's.
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.notification(/Connected to /).waitFor({ state: 'detached' });
    await wb.runCommand('Intercom: Connect');
    const consentPage = browser.waitForEvent('page', { timeout: 60_000 });
    await wb.answerInput(printed.secret, /Configure OAuth App/);
    void wb.clickDialogButton(/^(Open|Allow)$/, 10_000);
    const consent = await consentPage;
    await consent.getByRole('button', { name: 'Authorize access' }).click();
    void wb.clickDialogButton(/^(Open|Allow)$/, 10_000);
    await wb.notification(/Connected to /).waitFor({ timeout: 60_000 });
    await wb.treeRow(WORKSPACE_ROW).waitFor({ timeout: 30_000 });
  });

  test('Ctrl+C stops it', async () => {
    child.kill('SIGINT');
    assert.equal(await exited, 0, out);
  });
});
