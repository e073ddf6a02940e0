// A person in the browser: connects with an access token, opens the API view, runs a GET from its row, and
// reads the answer in the response tab.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS } from './workbench';
import { useWorkbenchSuite } from './workbenchSuite';

suite('E2E: the API explorer in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  // Typed text lands as typed: no closing bracket added after the body's opening one.
  const bench = useWorkbenchSuite({ run: 'e2e-api', settings: () => ({ 'intercom.apiVersion': '2.11', 'editor.autoClosingBrackets': 'never' }) });

  test('a roomy side bar: workspace details folded, admin and region on its row; API rows read "GET /contacts", open expanded after a filter, offer Call API on right-click; the picker matches words across method, path and label', async () => {
    const { fake, wb } = bench;
    await wb.activityBarItem('Intercom').click();
    const workspaceRow = wb.treeRow('Hogwarts workspace (drzzt019)');
    if ((await workspaceRow.count()) === 0) {
      await wb.runCommand('Intercom: Connect with Access Token');
      await wb.answerInput(fake.addToken());
    }
    await workspaceRow.waitFor({ timeout: 60_000 });
    // One row per detail group, folded; who and where on the workspace row itself.
    await wb.treeRow(/Hogwarts workspace \(drzzt019\)\s*Hermione Granger · US/).waitFor();
    for (const group of ['Admin', 'Workspace', 'Connection']) {
      const row = wb.page.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${group}$`) }) });
      assert.equal(await row.getAttribute('aria-expanded'), 'false', `${group} is folded`);
    }

    const apiPane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /^API/ }) });
    const header = apiPane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // The tags listed folded first, as they open; the filter's results then show without a click.
    await apiPane.locator('.monaco-list-row', { hasText: /^Contacts/ }).waitFor();
    await wb.runCommand('Intercom: Filter API Operations');
    await wb.answerInput('GET /contacts');
    const exactly = (label: string) => apiPane.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[/{}]/g, '\\$&')}$`) }) });
    const row = exactly('GET /contacts');
    await row.waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /List contacts/);

    await row.click({ button: 'right' });
    await wb.page.locator('.monaco-menu .action-label', { hasText: /^Call API/ }).click();
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'GET /contacts' }).waitFor();
    await wb.page.keyboard.press('Escape');

    await wb.runCommand('Intercom: Call API…');
    const picker = wb.page.locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: /^Call API/ }).waitFor();
    await picker.locator('input.input').fill('POST /contacts create');
    const found = picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Create contact' });
    await found.first().waitFor({ timeout: 15_000 });
    assert.match(await found.first().innerText(), /POST \/contacts/);
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('Intercom: Clear API Filter');
    await wb.runCommand('View: Show Explorer'); // as found: the next test opens the Intercom container with a click
  });

  test('open the API view, run GET /contacts from its row, see the response tab', async () => {
    const { fake, wb } = bench;
    await wb.activityBarItem('Intercom').click();
    await wb.runCommand('Intercom: Connect with Access Token');
    await wb.answerInput(fake.addToken());
    await wb.treeRow('Hogwarts workspace (drzzt019)').waitFor({ timeout: 60_000 });

    const apiPane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /^API/ }) });
    const header = apiPane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // The view shares the side bar with two others: narrow it to the operations at hand, as a person would.
    await wb.runCommand('Intercom: Filter API Operations');
    await wb.answerInput('GET /contacts');
    const row = apiPane.locator('.monaco-list-row', { hasText: /^GET \/contacts\s*List contacts · Read and list users and companies/ });
    await row.hover();
    await row.locator('.action-label[aria-label^="Call API"]').click();
    // The query parameters to set: none.
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'GET /contacts' }).waitFor();
    await wb.page.keyboard.press('Enter');

    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'GET contacts 200.jsonc' });
    await tab.waitFor({ timeout: 30_000 });
    const editor = wb.page.locator('.editor-instance .view-lines');
    // The editor renders spaces as non-breaking spaces: \s matches both.
    await editor.filter({ hasText: /GET\s\/contacts\s→\s200\sin\s\d+\sms/ }).waitFor();
    await editor.filter({ hasText: /Neville\sLongbottom/ }).waitFor();
    assert.equal(fake.count('GET /contacts'), 1);
    assert.equal(fake.lastRequest('GET /contacts')?.headers['intercom-version'], '2.11');
    // The README's media/api-explorer.png: the Workspace pane folded so the API view has the side bar.
    await wb.page.locator('.pane-header', { hasText: /^Workspace/ }).click();
    await row.waitFor();
    const shot = path.join(SCREENSHOTS, 'api-explorer.png');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await wb.page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1100, height: 560 } }); // copy to media/ when the view changes
  });

  test('Call API on POST /tags opens its body document; Cancel at the confirmation, then Send from the editor title', async () => {
    const { fake, wb } = bench;
    await wb.runCommand('Intercom: Call API…');
    const picker = wb.page.locator('.quick-input-widget');
    await picker.locator('input.input').fill('POST /tags');
    await picker.locator('.quick-input-list .monaco-list-row', { has: wb.page.locator('.label-name', { hasText: /^POST \/tags$/ }) }).click();

    await wb.page.locator('.tabs-container .tab', { hasText: 'POST tags — body.json' }).waitFor({ timeout: 30_000 });
    const editor = wb.page.locator('.editor-instance');
    await editor.locator('.view-lines').filter({ hasText: /"companies":\snull/ }).waitFor();
    await editor.locator('.view-lines').click();
    await wb.page.keyboard.press('ControlOrMeta+A');
    await wb.page.keyboard.press('Backspace');
    await wb.page.keyboard.insertText('{ "name": "vip" }');
    await editor.locator('.view-lines').filter({ hasText: /^\{\s"name":\s"vip"\s\}$/ }).waitFor();
    const lens = editor.locator('.codelens-decoration', { hasText: 'Send POST /tags to Hogwarts workspace (drzzt019)' });
    await lens.waitFor();

    const send = wb.page.locator('.editor-actions .action-label[aria-label^="Send Request Body"]');
    await send.click();
    assert.ok(await wb.clickDialogButton(/^Cancel$/, 15_000), 'the confirmation asked');
    await wb.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
    assert.equal(fake.count('POST /tags'), 0, 'cancelled: nothing sent');

    // The README's media/request-body.png: the body with Send in the editor title and the link above it.
    const area = await wb.page.locator('.part.editor').boundingBox();
    assert.ok(area);
    await wb.page.screenshot({ path: path.join(SCREENSHOTS, 'request-body.png'), clip: { x: area.x, y: area.y, width: Math.min(area.width, 900), height: 220 } });

    await send.click();
    assert.ok(await wb.clickDialogButton(/^Send POST$/, 15_000), 'the confirmation asked again');
    await wb.page.locator('.tabs-container .tab', { hasText: 'POST tags 200.jsonc' }).waitFor({ timeout: 30_000 });
    assert.equal(fake.count('POST /tags'), 1);
    assert.deepEqual(fake.lastRequest('POST /tags')?.body, { name: 'vip' });
  });
});
