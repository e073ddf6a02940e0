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
    // The palette lists the commands known when it opens: just after a (re)load the extension's may come
    // later, so reopen it until they are there.
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const deadline = Date.now() + 30_000;
    for (;;) {
      await this.page.keyboard.press('F1');
      const input = this.page.locator('.quick-input-widget input.input');
      await input.waitFor();
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    // Pick the row whose label is exactly the command (not a longer command starting the same).
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      const label = (await rows.nth(i).locator('.label-name').innerText()).replace(/\s+/g, ' ').trim();
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
    const file = screenshotFile(name);
    await (locator ?? this.page).screenshot({ path: file });
    return file;
  }

  /** The activity bar and the side bar, top 560 px: the README's media/workspace-view.png is this shot. */
  async screenshotSideBar(name: string): Promise<string> {
    const bar = await this.page.locator('.part.activitybar').boundingBox();
    const side = await this.page.locator('.part.sidebar').boundingBox();
    if (!bar || !side) throw new Error('the activity bar or the side bar is not visible');
    const file = screenshotFile(name);
    const clip = { x: bar.x, y: bar.y, width: side.x + side.width - bar.x, height: Math.min(560, side.height) };
    await this.page.screenshot({ path: file, clip });
    return file;
  }
}

function screenshotFile(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
