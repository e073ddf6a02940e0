// Drives code-server's web workbench the way a person does: activity bar, command palette, input
// boxes, dialogs, the tree. Selectors are VS Code's own DOM classes and ARIA labels.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../support/codeServer';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

export class Workbench {
  constructor(readonly page: Page, readonly browser: BrowserContext) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
  }

  activityBarItem(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`);
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    // Pick the row whose label is exactly the command (not a longer command starting the same).
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      // The row's first label: a pick with details (the walkthrough list) leaves a hidden detail label in reused rows.
      const label = (await rows.nth(i).locator('.label-name').first().innerText()).replace(/\s+/g, ' ').trim();
      if (label === title) {
        await rows.nth(i).click();
        return;
      }
    }
    throw new Error(`no command "${title}" in the palette`);
  }

  /** Types into the open input box (quick input) and presses Enter. */
  async answerInput(text: string, expectTitle?: RegExp): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('input.input').waitFor();
    if (expectTitle) await widget.locator('.quick-input-title', { hasText: expectTitle }).waitFor();
    await widget.locator('input.input').fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Clicks a button of a modal dialog if one shows within `ms`; returns whether it did. */
  async clickDialogButton(label: RegExp, ms = 3000): Promise<boolean> {
    const button = this.page.locator('.monaco-dialog-box .dialog-buttons a.monaco-button', { hasText: label }).first();
    try {
      await button.waitFor({ timeout: ms });
    } catch {
      return false;
    }
    await button.click();
    return true;
  }

  treeRow(text: string | RegExp): Locator {
    return this.page.locator('.monaco-list-row', { hasText: text });
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notification-toast', { hasText: text });
  }

  async screenshot(name: string, locator?: Locator): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await (locator ?? this.page).screenshot({ path: file });
    return file;
  }
}
