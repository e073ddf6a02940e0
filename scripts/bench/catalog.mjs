// The catalog section of `npm run bench`: the API catalog's first load (parse the JSON bundled into
// dist/state.js, build one version's operations), each in a fresh Node process so nothing is cached, and the
// VSIX's size against the 300 KB budget of issue 12. Reports only: no assertions.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from '../toolchain.mjs';

const RUNS = 7;
const BUDGETS = { firstLoadMs: 20, vsixKb: 300 };
const verdict = (met) => (met ? 'met' : 'NOT met');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCatalog() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-catalog-bench-'));
  try {
    // The catalog module as dist/state.js carries it: minified, JSON inlined.
    const bundle = path.join(dir, 'catalog.js');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/explorer/catalog.ts')], bundle: true, minify: true, platform: 'node', format: 'cjs', outfile: bundle });
    const probe = `const t0 = performance.now(); const c = require(${JSON.stringify(bundle)}).loadCatalog(); const n = c.operations('2.16').length;
      console.log(JSON.stringify({ ms: performance.now() - t0, n }));`;
    const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
    const firstLoad = median(runs.map((r) => r.ms));
    console.log(`\nAPI catalog first load (fresh process, require + one version's ${runs[0].n} operations): median of ${RUNS} ${firstLoad.toFixed(1)} ms (budget ≤ ${BUDGETS.firstLoadMs} ms: ${verdict(firstLoad <= BUDGETS.firstLoadMs)})`);

    const vsix = path.join(dir, 'bench.vsix');
    const packed = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
    if (packed.status !== 0) {
      console.log(`VSIX size: not measured (vsce package failed: ${(packed.stderr || packed.stdout).trim().split('\n').at(-1)})`);
      return 0;
    }
    const kb = fs.statSync(vsix).size / 1024;
    console.log(`VSIX size: ${kb.toFixed(1)} KB (budget ≤ ${BUDGETS.vsixKb} KB: ${verdict(kb <= BUDGETS.vsixKb)})`);
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
