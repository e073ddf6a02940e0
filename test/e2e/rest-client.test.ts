// Open as .http where an extension knows request files: with REST Client installed (a stand-in that
// contributes the `http` language, as REST Client does), the request opens in that language, ready for its
// Send Request link, and nothing says the file cannot be sent.
import assert from 'node:assert/strict';
import path from 'node:path';
import { REPO_ROOT } from '../support/codeServer';
import { useWorkbenchSuite } from './workbenchSuite';

suite('E2E: Open as .http with REST Client installed', function () {
  this.timeout(180_000);
  const bench = useWorkbenchSuite({ run: 'e2e-rest-client', extensions: [path.join(REPO_ROOT, 'test', 'fixtures', 'extensions', 'http-language')] });

  test('the request opens in the http language, and no offer to install REST Client follows', async () => {
    const { wb } = bench;
    await wb.runCommand('Intercom: Open as .http');
    const picker = wb.page.locator('.quick-input-widget');
    await picker.locator('input.input').fill('POST /contacts create');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Create contact' }).first().click({ timeout: 15_000 });
    const editor = wb.page.locator('.editor-instance .view-lines');
    await editor.filter({ hasText: 'POST {{host}}/contacts' }).waitFor({ timeout: 30_000 });
    const mode = wb.page.locator('#status\\.editor\\.mode');
    await mode.filter({ hasText: /^\s*HTTP\s*$/ }).waitFor({ timeout: 15_000 });
    // The offer would be a notification: the bell's list holds none.
    await wb.runCommand('Notifications: Show Notifications');
    const center = wb.page.locator('.notifications-center');
    await center.waitFor();
    assert.equal(await center.locator('.notification-list-item', { hasText: 'REST Client' }).count(), 0);
  });
});
