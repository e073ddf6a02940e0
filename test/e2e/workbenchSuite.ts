// The setup every browser suite shares: a fake Intercom, code-server whose settings point at it, a copy of
// the fixture folder (or another folder), headless Chromium on the workbench; a screenshot when a test
// fails, and everything closed after the suite. Call inside a suite(); read the parts once suiteSetup ran.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { FakeIntercom, type StartOptions } from '../fake-intercom';
import { launchBrowser } from '../support/browser';
import { CodeServer, REPO_ROOT, toolchainFromEnv, type CodeServerOptions } from '../support/codeServer';
import { Workbench } from './workbench';

export interface WorkbenchSuiteOptions {
  /** The run folder's name under .vscode-test/runs/; also names the failure screenshots. */
  run: string;
  fake?: StartOptions;
  /**
   * Readies the fake (clients, pages it serves) before code-server starts; returns the settings beyond the
   * two base URLs, which always point at the fake.
   */
  settings?: (fake: FakeIntercom) => Record<string, unknown> | Promise<Record<string, unknown>>;
  restrictedMode?: CodeServerOptions['restrictedMode'];
  keybindings?: CodeServerOptions['keybindings'];
  /** Other extensions installed beside ours (folders). */
  extensions?: CodeServerOptions['extensions'];
  /** The folder to open, a virtual file system's URI. Default: a copy of test/fixtures/workspace. */
  folder?: string;
  /** Files to add to the copy of the fixture folder (relative path → content), read after `settings`. */
  folderFiles?: () => Record<string, string>;
}

export interface WorkbenchSuite {
  readonly fake: FakeIntercom;
  readonly browser: BrowserContext;
  readonly wb: Workbench;
}

export function useWorkbenchSuite(options: WorkbenchSuiteOptions): WorkbenchSuite {
  let parts: WorkbenchSuite | undefined;
  let fake: FakeIntercom | undefined;
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let wb: Workbench | undefined;

  suiteSetup(async () => {
    fake = await FakeIntercom.start(options.fake);
    const runDir = path.join(REPO_ROOT, '.vscode-test', 'runs', options.run);
    server = await CodeServer.start({
      ...toolchainFromEnv(),
      runDir,
      restrictedMode: options.restrictedMode,
      keybindings: options.keybindings,
      extensions: options.extensions,
      settings: { 'intercom.advanced.appBaseUrl': fake.url, 'intercom.advanced.apiBaseUrl': fake.url, ...(await options.settings?.(fake)) },
    });
    const folder = options.folder ?? copyFixtureFolder(runDir, options.folderFiles?.() ?? {});
    browser = await launchBrowser(path.join(runDir, 'chromium'));
    wb = new Workbench(browser.pages()[0] ?? (await browser.newPage()), browser);
    await wb.open(server.workbenchUrl(folder));
    parts = { fake, browser, wb };
  });

  screenshotFailures(options.run, () => wb, () => `fake saw: ${fake?.requests.map((r) => `${r.route} ${r.status ?? ''}`).join(', ')}`);

  suiteTeardown(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake?.close();
  });

  const ready = (): WorkbenchSuite => {
    if (!parts) throw new Error(`the workbench suite "${options.run}" has not been set up`);
    return parts;
  };
  return {
    get fake() { return ready().fake; },
    get browser() { return ready().browser; },
    get wb() { return ready().wb; },
  };
}

/** After each failed test of the suite: a screenshot named after `label` and the test, and `context()` if given. */
export function screenshotFailures(label: string, workbench: () => Workbench | undefined, context?: () => string): void {
  teardown(async function () {
    const wb = workbench();
    if (this.currentTest?.state !== 'failed' || !wb) return;
    const name = `failed-${label}-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    console.log(`  screenshot: ${await wb.screenshot(name)}${context ? `; ${context()}` : ''}`);
  });
}

function copyFixtureFolder(runDir: string, files: Record<string, string>): string {
  const folder = path.join(runDir, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), content);
  }
  return folder;
}
