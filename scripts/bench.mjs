// npm run bench: every section below in turn; `node scripts/bench.mjs --only scan` (or receiver, activation,
// catalog, canvasKit, analysis) runs one.
// - scan: how long the scope scan takes on a 10,000-file workspace, next to ripgrep searching the same tree
//   for the same patterns and next to the same walk and reads without any scan in one thread, measured in the
//   same run. The scan is the extension's own: a ScanPool (out/src/scopes/worker/pool.js) lent by a
//   PoolKeeper, as the extension's scans get theirs, whose worker threads (dist/scanWorker.js, one per core up
//   to 4, as ripgrep searches on every core) read the files themselves. The scan runs in the extension host, so
//   the section runs on the host's Node (the toolchain's Node 24, which code-server runs extensions on), not on
//   the Node that started this script. The first scan starts the threads
//   (while the walk runs, as the extension starts them before findFiles) and is printed on its own; the
//   measured runs reuse them, as the extension's scans do for a few minutes after one. The workspace is
//   generated from a fixed seed (5 languages, a few percent calling Intercom) in a temp dir that is deleted
//   afterwards. Exits non-zero when the scan does not find exactly the Intercom files generated (a correctness
//   check); there are no timing assertions. Then crafted files that used to be quadratic (bench-adversarial.mjs).
// - receiver: the webhook receiver under load (scripts/bench/receiver.mjs).
// - activation: cold activate() (scripts/bench/activation.mjs).
// - catalog: the API catalog's first load and the VSIX size (scripts/bench/catalog.mjs).
// - canvasKit: the Canvas Kit simulator's overhead on a 64 KB canvas and its first render (scripts/bench/canvasKit.mjs).
// - analysis: a 2,000-line file analysed after each edit, on the extension host's Node (scripts/bench/analysis.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchAdversarial } from './bench-adversarial.mjs';
import { benchActivation } from './bench/activation.mjs';
import { benchAnalysis } from './bench/analysis.mjs';
import { benchCatalog } from './bench/catalog.mjs';
import { FILES, generateWorkspace, SEED } from './bench/workspace.mjs';
import { ensureDebianPackages, ensureNode24, mustStartNode24, ON_NODE24 } from './toolchain.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;

/** The compiled modules the extension runs: built when missing. */
function loadScan() {
  const compiled = path.join(ROOT, 'out/src/scopes/worker/pool.js');
  if (!fs.existsSync(compiled)) {
    console.log('out/ is missing: running node esbuild.mjs --tests');
    execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: ROOT, stdio: 'inherit' });
  }
  const entry = path.join(ROOT, 'dist/scanWorker.js');
  if (!fs.existsSync(entry)) {
    console.log('dist/ is missing: running node esbuild.mjs');
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  const require = createRequire(import.meta.url);
  return { ...require(path.join(ROOT, 'out/src/scopes/scanner.js')), ...require(compiled), entry };
}

// ---- measuring -----------------------------------------------------------------------------------

/** The walk, standing for findFiles: the files under `root` the scan takes, relative, with `/`. */
function listFiles(scanner, root) {
  const files = [];
  const walk = (dir, prefix) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (scanner.isScannable(`${prefix}${entry.name}`)) files.push(`${prefix}${entry.name}`);
    }
  };
  walk(root, '');
  return files;
}

/**
 * Walk, read and scan, as the extension does: a pool is taken from the keeper (the first time, its threads
 * start while the walk lists the files; after that they are kept, warm, between scans), and its threads read
 * and scan the files.
 */
async function scan(scanner, keeper, root) {
  const pool = keeper.take();
  try {
    const files = listFiles(scanner, root);
    // As the extension's findFiles gives each file's path; joined by hand, path.join costs more than the read.
    const disk = { folders: [root], locate: (f) => ({ path: `${root}/${f}`, folder: 0 }) };
    const result = await pool.scan({ files, disk });
    return { value: new Set(result.findings.map((f) => f.file)).size };
  } finally {
    keeper.give(pool);
  }
}

/** The same walk and reads in one thread, without scanning. */
async function readAll(scanner, root) {
  const files = listFiles(scanner, root);
  for (const f of files) fs.readFileSync(path.join(root, f));
  return { value: files.length };
}

function ripgrep(scanner, root) {
  const args = ['--files-with-matches', '--no-ignore', '--hidden', '--no-messages', '-g', scanner.SCAN_INCLUDE_GLOB, '-g', `!${scanner.SCAN_EXCLUDE_GLOB}`];
  for (const pattern of scanner.PREFILTER_PATTERNS) args.push('-e', pattern);
  const r = spawnSync('rg', [...args, '.'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed (${r.status}): ${r.stderr}`);
  return { value: r.stdout.split('\n').filter(Boolean).length };
}

async function timed(fn) {
  const start = performance.now();
  const { value } = await fn();
  return { ms: performance.now() - start, value };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  try {
    ensureDebianPackages([{ pkg: 'ripgrep', command: 'rg' }]);
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  const scanner = loadScan();
  const threads = scanner.poolSize();
  // Threads kept between scans long enough for every run (the extension keeps them a few minutes).
  const keeper = new scanner.PoolKeeper(() => new scanner.ScanPool(scanner.entry), 10 * 60_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-scope-bench-'));
  try {
    const expected = generateWorkspace(root);
    console.log(`Generated ${FILES} files (seed ${SEED}) in ${root}: ${expected} call Intercom; plus node_modules, a binary and a large file to skip.`);
    console.log(`The scan runs on ${threads} worker thread${threads === 1 ? '' : 's'} (one per core, at most 4), as ripgrep searches on every core, on Node ${process.version} as in the extension host.`);
    // The extension's first scan in a session: its threads start and their code is compiled as it runs.
    // It also warms the page cache for both tools.
    const first = await timed(() => scan(scanner, keeper, root));
    ripgrep(scanner, root);
    console.log(`first scan (threads starting, their code cold): ${first.ms.toFixed(1)} ms; the runs below reuse its threads, as the extension does after a scan`);

    const measures = { scan: () => scan(scanner, keeper, root), rg: () => ripgrep(scanner, root), read: () => readAll(scanner, root) };
    const times = { scan: [], rg: [], read: [] };
    const values = {};
    for (let run = 0; run < RUNS; run++) {
      // Each measure goes first, second and third in turn.
      const names = Object.keys(measures);
      for (const which of names.map((_, i) => names[(i + run) % names.length])) {
        const t = await timed(measures[which]);
        times[which].push(t.ms);
        values[which] = t.value;
      }
      console.log(`run ${run + 1}: scan (${threads} threads) ${times.scan.at(-1).toFixed(1)} ms, rg ${times.rg.at(-1).toFixed(1)} ms, reading alone ${times.read.at(-1).toFixed(1)} ms`);
    }
    const found = values.scan;
    const rgFiles = values.rg;
    const [scanMedian, rgMedian, readMedian] = [times.scan, times.rg, times.read].map(median);
    console.log(`\nmedian of ${RUNS}: scan on ${threads} threads ${scanMedian.toFixed(1)} ms, ripgrep ${rgMedian.toFixed(1)} ms, ratio scan/rg ${(scanMedian / rgMedian).toFixed(2)}`);
    console.log(`first scan, threads starting: ${first.ms.toFixed(1)} ms, ${(first.ms / rgMedian).toFixed(2)}× ripgrep's median`);
    console.log(`reading alone (the same walk and reads in one thread, no scan): ${readMedian.toFixed(1)} ms, ${(readMedian / rgMedian).toFixed(2)}× ripgrep`);
    console.log(`files with findings: ${found} (expected ${expected}); files ripgrep matched: ${rgFiles}`);
    if (found !== expected) {
      console.error(`FAIL: the scan found Intercom use in ${found} files, expected ${expected}`);
      return 1;
    }
    console.log('\nAdversarial files (each should scan in under 1 s):');
    benchAdversarial();
    return 0;
  } finally {
    keeper.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The scan section on the extension host's Node: this script again, run by it, when another Node runs this one. */
async function scanOnHostNode() {
  const { bin } = await ensureNode24();
  if (!mustStartNode24(bin)) return main();
  return spawnSync(bin, [fileURLToPath(import.meta.url), '--only', 'scan'], { stdio: 'inherit', env: { ...process.env, [ON_NODE24]: '1' } }).status ?? 1;
}

/** The analysis section on the extension host's Node, as the scan section. */
async function analysisOnHostNode() {
  const { bin } = await ensureNode24();
  if (!mustStartNode24(bin)) return benchAnalysis();
  return spawnSync(bin, [fileURLToPath(import.meta.url), '--only', 'analysis'], { stdio: 'inherit', env: { ...process.env, [ON_NODE24]: '1' } }).status ?? 1;
}

/** Each section returns its exit code; `--only <name>` runs one. */
const SECTIONS = {
  scan: scanOnHostNode,
  receiver: async () => (await import('./bench/receiver.mjs')).benchReceiver(),
  activation: benchActivation,
  catalog: benchCatalog,
  canvasKit: async () => (await import('./bench/canvasKit.mjs')).benchCanvasKit(),
  analysis: analysisOnHostNode,
};
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && !(only in SECTIONS)) {
  console.error(`usage: node scripts/bench.mjs [--only ${Object.keys(SECTIONS).join('|')}]`);
  process.exit(2);
}
let exitCode = 0;
for (const [name, section] of Object.entries(SECTIONS)) {
  if (only === undefined || only === name) exitCode ||= await section();
}
process.exitCode = exitCode;
