// Runs an extensionTestsPath in the extension host behind a workbench page: the built workbench reports
// the host's log lines through window.codeAutomationLog and its exit code through window.codeAutomationExit.
import fs from 'node:fs';
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

/** A log file for a host's lines. A page still reporting while it closes writes nothing once it is closed. */
export function openHostLog(file: string): { write(line: string): void; close(): void } {
  const stream = fs.createWriteStream(file);
  return {
    write: (line) => void (stream.writableEnded || stream.write(`${line}\n`)),
    close: () => stream.end(),
  };
}
