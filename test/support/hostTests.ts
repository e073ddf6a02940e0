// Runs an extensionTestsPath in the extension host behind a workbench page: the built workbench reports
// the host's log lines through window.codeAutomationLog and its exit code through window.codeAutomationExit.
import util from 'node:util';
import type { Page } from 'playwright-core';

export interface HostTestsOptions {
  timeoutMs: number;
  /** Each message the extension host logs (console.log, console.error, …). */
  onLog(type: string, text: string): void;
}

/** Opens `url` and resolves with the host's exit code, or 124 after timeoutMs. */
export async function runHostTests(page: Page, url: string, { timeoutMs, onLog }: HostTestsOptions): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const exit = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    timer = setTimeout(() => resolve(124), timeoutMs);
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => onLog(type, util.format(...args)));
  await page.goto(url);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}
