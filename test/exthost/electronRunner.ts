// Runner for machines that can download VS Code: @vscode/test-electron starts a real desktop VS Code
// with the same entry (out/test/exthost/index) as the offline code-server runner.
// `INTERCOM_TEST_HOST=electron npm test` (or `npm run test:exthost:electron`) selects it.
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from '../support/codeServer';

async function main(): Promise<number> {
  const runDir = path.join(REPO_ROOT, '.vscode-test', 'runs', 'exthost-electron');
  const workspace = path.join(runDir, 'workspace');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  return runTests({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'exthost', 'index'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(runDir, 'user')],
    extensionTestsEnv: { TEST_RESULT_FILE: process.env.TEST_RESULT_FILE ?? path.join(runDir, 'results.json'), TEST_GREP: process.env.TEST_GREP ?? '' },
  });
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error('[exthost:electron]', e); process.exitCode = 1; });
