// Offline runner for the extension-host suite: code-server hosts the real Node extension host,
// headless Chromium opens the workbench with a payload naming this repo as the extension under
// development and out/test/exthost/index as the tests; the host's exit code comes back through
// window.codeAutomationExit. (On machines that can download VS Code, `npm run test:exthost:electron`
// runs the same suites through @vscode/test-electron: electronRunner.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../support/browser';
import { CodeServer, REPO_ROOT, toolchainFromEnv } from '../support/codeServer';
import { openHostLog, runHostTests } from '../support/hostTests';
import { TAG } from './output';

const timeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 600_000);

async function main(): Promise<number> {
  const runDir = path.join(REPO_ROOT, '.vscode-test', 'runs', 'exthost');
  const resultFile = process.env.TEST_RESULT_FILE ?? path.join(runDir, 'results.json');
  const server = await CodeServer.start({ ...toolchainFromEnv(), runDir });
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const browser = await launchBrowser(path.join(runDir, 'chromium'));
  const hostLog = openHostLog(path.join(runDir, 'host.log'));
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (m) => hostLog.write(`[workbench ${m.type()}] ${m.text()}`));
    const environment = JSON.stringify({ TEST_RESULT_FILE: resultFile, CI: process.env.CI ?? '', TEST_GREP: process.env.TEST_GREP ?? '' });
    const url = server.workbenchUrl(workspace, [
      ['extensionTestsPath', path.join(REPO_ROOT, 'out', 'test', 'exthost', 'index')],
      ['extensionEnvironment', environment],
    ]);
    const code = await runHostTests(page, url, {
      timeoutMs,
      onLog: (type, text) => {
        hostLog.write(`[host ${type}] ${text}`);
        // The suite's own output (mocha's spec reporter) goes to the terminal; the workbench's stays in host.log.
        for (const l of text.split('\n')) if (l.startsWith(TAG)) console.log(l.slice(TAG.length));
      },
    });
    if (code === 124) console.error(`[exthost] timed out after ${timeoutMs} ms; logs in ${runDir}`);
    if (code !== 0 && !fs.existsSync(resultFile)) console.error(`[exthost] the suite did not run (exit ${code}); see ${runDir}/host.log and server.log`);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    hostLog.close();
    await server.stop();
  }
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error('[exthost]', e); process.exitCode = 2; });
