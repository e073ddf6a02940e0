// A person in the browser: connects with an access token, opens the API view, runs a GET from its row, and
// reads the answer in the response tab.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS } from './workbench';
import { useWorkbenchSuite } from './workbenchSuite';

suite('E2E: the API explorer in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  const bench = useWorkbenchSuite({ run: 'e2e-api', settings: () => ({ 'intercom.apiVersion': '2.11' }) });

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
    await apiPane.locator('.monaco-list-row', { hasText: /^Contacts/ }).click();
    const row = apiPane.locator('.monaco-list-row', { hasText: 'GET /contacts · Read and list users and companies' });
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
});
