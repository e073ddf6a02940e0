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

  /**
   * Opens the palette and types `text`. Something can take the focus right after the palette opens (a
   * workbench still restoring after a reload) and close it before the text is typed: then it is reopened,
   * until `deadline`. Returns the palette.
   */
  private async typeInPalette(text: string, deadline: number): Promise<Locator> {
    const widget = this.page.locator('.quick-input-widget');
    for (;;) {
      await this.page.keyboard.press('F1');
      try {
        await widget.locator('input.input').fill(text, { timeout: Math.min(5000, Math.max(1, deadline - Date.now())) });
        return widget;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
    }
  }

  /**
   * Runs a command from the palette. Right after a (re)load the workbench may not have registered an
   * extension's commands yet: the palette then lists "similar commands". So the palette is reopened
   * until the row whose label is exactly the command shows, up to `ms`.
   */
  async runCommand(title: string, ms = 60_000): Promise<void> {
    const deadline = Date.now() + ms;
    const left = () => Math.min(5000, Math.max(1, deadline - Date.now()));
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    for (;;) {
      const widget = await this.typeInPalette(`>${title}`, deadline);
      // Exactly the command, not a longer one starting the same.
      const row = widget.locator('.quick-input-list .monaco-list-row')
        .filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
      try {
        await row.waitFor({ timeout: left() });
        await row.click({ timeout: left() });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`no command "${title}" in the palette within ${ms} ms`, { cause: error });
        await this.page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden', timeout: left() });
      }
    }
  }

  /** Opens a file of the folder by name through Quick Open, as a person does with Ctrl+P. */
  async openFile(name: string): Promise<void> {
    const widget = await this.typeInPalette(name, Date.now() + 30_000);
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click({ timeout: 30_000 });
    await this.page.locator('.tabs-container .tab', { hasText: name }).waitFor();
  }

  /**
   * Types `text` in the palette and presses Enter as soon as a row matching `row` shows, without picking a
   * row: whatever the palette suggests first runs, as when a person types a command's name.
   */
  async enterInPalette(text: string, row: string | RegExp): Promise<void> {
    const widget = await this.typeInPalette(`>${text}`, Date.now() + 30_000);
    await widget.locator('.quick-input-list .monaco-list-row .label-name', { hasText: row }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * A value the web workbench has persisted (IndexedDB `vscode-web-state-db-*`, table ItemTable), from any
   * of its state databases; undefined until it has been written. Lets a test wait for the layout to be saved
   * before a reload instead of sleeping.
   */
  storedState(key: string): Promise<string | undefined> {
    return this.page.evaluate(async (wanted) => {
      const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      for (const { name } of await indexedDB.databases()) {
        if (!name?.startsWith('vscode-web-state-db')) continue;
        const db = await request(indexedDB.open(name));
        try {
          if (!db.objectStoreNames.contains('ItemTable')) continue;
          const value = await request(db.transaction('ItemTable').objectStore('ItemTable').get(wanted));
          if (value !== undefined) return String(value);
        } finally {
          db.close();
        }
      }
      return undefined;
    }, key);
  }

  /** The palette's command labels matching `filter`, once `expected` is among them (so the list has loaded). */
  async paletteCommands(filter: string, expected: string): Promise<string[]> {
    await this.typeInPalette(`>${filter}`, Date.now() + 30_000);
    await this.page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: expected }).first().waitFor();
    const labels = await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
    await this.page.keyboard.press('Escape');
    return labels.map((l) => l.replace(/\s+/g, ' ').trim());
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
