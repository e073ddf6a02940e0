// `npm test` and the per-suite scripts. Installs what the offline harness needs (once, cached in
// .vscode-test/), builds, runs the suites on Node 24 (the extension host's Node), and ends with one
// line `N passed, N failed` summing every suite. Exit code: non-zero on any failure.
//   node scripts/test.mjs all | unit | exthost | e2e
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, ROOT, ensureChromium, ensureCodeServer, ensureNode24 } from './toolchain.mjs';

//   INTERCOM_TEST_HOST=electron  run the extension-host suites in desktop VS Code (@vscode/test-electron)
//                                instead of code-server, where VS Code can be downloaded
const which = process.argv[2] ?? 'all';
const electron = process.env.INTERCOM_TEST_HOST === 'electron' || which === 'exthost:electron';
const SUITES = {
  unit: 'out/test/unit/index.js',
  exthost: electron ? 'out/test/exthost/electronRunner.js' : 'out/test/exthost/runner.js',
  e2e: 'out/test/e2e/index.js',
};
const selected = which === 'all' ? Object.keys(SUITES) : [which === 'exthost:electron' ? 'exthost' : which];
if (!selected.every((s) => s in SUITES)) {
  console.error(`usage: node scripts/test.mjs all|${Object.keys(SUITES).join('|')}|exthost:electron`);
  process.exit(2);
}

function step(name, command, args, env = process.env) {
  console.log(`\n> ${name}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  return r.status === 0;
}

const npx = (bin) => path.join(ROOT, 'node_modules', '.bin', bin);
if (which === 'all') {
  // Static checks first: a type or lint error fails fast, before the slow suites.
  if (!step('check-types', npx('tsc'), ['--noEmit']) || !step('lint', npx('eslint'), ['.'])) {
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

let toolchain;
try {
  const needsCodeServer = selected.includes('e2e') || (selected.includes('exthost') && !electron);
  toolchain = needsCodeServer ? { ...(await ensureCodeServer()), chromium: ensureChromium() } : { node: (await ensureNode24()).bin };
} catch (e) {
  console.error(`\n${e.message}`);
  process.exit(2);
}

if (!step('build', process.execPath, ['esbuild.mjs']) || !step('compile tests', process.execPath, ['esbuild.mjs', '--tests'])) {
  process.exit(1);
}

const resultsDir = path.join(CACHE, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
let passed = 0;
let failed = 0;
for (const suite of selected) {
  const resultFile = path.join(resultsDir, `${suite}.json`);
  fs.rmSync(resultFile, { force: true });
  const ok = step(`${suite} tests`, toolchain.node, ['--enable-source-maps', SUITES[suite]], {
    ...process.env,
    TEST_RESULT_FILE: resultFile,
    INTERCOM_TEST_NODE: toolchain.node,
    INTERCOM_TEST_CODE_SERVER: toolchain.entry ?? '',
  });
  if (fs.existsSync(resultFile)) {
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    passed += r.passed.length;
    failed += r.failed.length;
    for (const f of r.failed) console.log(`  ✗ [${suite}] ${f.title}: ${f.error}`);
    if (!ok && r.failed.length === 0) failed += 1; // the runner itself failed after the tests
  } else {
    console.log(`  ✗ [${suite}] the suite did not report results`);
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
