// npm run bench: the webhook receiver under load (scripts/bench/receiver.mjs) after this section, which
// measures how long the scope scanner takes on a 10,000-file workspace, next to ripgrep searching
// the same tree for the same patterns and next to the same walk and reads without any scan (the floor for
// a scan in one thread), measured in the same run. The workspace is generated from a fixed
// seed (5 languages, a few percent calling Intercom) in a temp dir that is deleted afterwards. Exits
// non-zero when the scan does not find exactly the Intercom files generated (a correctness check); there
// are no timing assertions. Then the activation section (scripts/bench/activation.mjs) and the API catalog's
// first load and the VSIX size (scripts/bench/catalog.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchAdversarial } from './bench-adversarial.mjs';
import { benchActivation } from './bench/activation.mjs';
import { benchCatalog } from './bench/catalog.mjs';
import { FILES, generateWorkspace, SEED } from './bench/workspace.mjs';
import { ensureDebianPackages } from './toolchain.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;

function loadScanner() {
  const compiled = path.join(ROOT, 'out/src/scopes/scanner.js');
  if (!fs.existsSync(compiled)) {
    console.log('out/ is missing: running node esbuild.mjs --tests');
    execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: ROOT, stdio: 'inherit' });
  }
  return createRequire(import.meta.url)(compiled);
}

// ---- measuring -----------------------------------------------------------------------------------

/**
 * Walk, read and scan, as the extension does after findFiles. Reads are synchronous: fs.promises.readFile
 * costs several times the scan itself here (thread-pool round trips), which would measure libuv, not us.
 */
async function scan(scanner, root) {
  const files = fs.readdirSync(root, { recursive: true }).filter((f) => scanner.isScannable(f));
  const result = await scanner.scanFiles(files, async (f) => fs.readFileSync(path.join(root, f)));
  return new Set(result.findings.map((f) => f.file)).size;
}

/** The same walk and reads without scanning: what no scan in one thread can beat (ripgrep reads on every core). */
async function readAll(scanner, root) {
  const files = fs.readdirSync(root, { recursive: true }).filter((f) => scanner.isScannable(f));
  for (const f of files) fs.readFileSync(path.join(root, f));
  return files.length;
}

function ripgrep(scanner, root) {
  const args = ['--files-with-matches', '--no-ignore', '--hidden', '--no-messages', '-g', scanner.SCAN_INCLUDE_GLOB, '-g', `!${scanner.SCAN_EXCLUDE_GLOB}`];
  for (const pattern of scanner.PREFILTER_PATTERNS) args.push('-e', pattern);
  const r = spawnSync('rg', [...args, '.'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed (${r.status}): ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean).length;
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
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
  const scanner = loadScanner();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-scope-bench-'));
  try {
    const expected = generateWorkspace(root);
    console.log(`Generated ${FILES} files (seed ${SEED}) in ${root}: ${expected} call Intercom; plus node_modules, a binary and a large file to skip.`);
    await scan(scanner, root); // warm the page cache for both tools
    ripgrep(scanner, root);

    const measures = { scan: () => scan(scanner, root), rg: () => ripgrep(scanner, root), read: () => readAll(scanner, root) };
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
      console.log(`run ${run + 1}: scan ${times.scan.at(-1).toFixed(1)} ms, rg ${times.rg.at(-1).toFixed(1)} ms, reading alone ${times.read.at(-1).toFixed(1)} ms`);
    }
    const found = values.scan;
    const rgFiles = values.rg;
    const [scanMedian, rgMedian, readMedian] = [times.scan, times.rg, times.read].map(median);
    console.log(`\nmedian of ${RUNS}: scan ${scanMedian.toFixed(1)} ms, ripgrep ${rgMedian.toFixed(1)} ms, ratio scan/rg ${(scanMedian / rgMedian).toFixed(2)}`);
    console.log(`reading alone (the same walk and reads, no scan): ${readMedian.toFixed(1)} ms, ${(readMedian / rgMedian).toFixed(2)}× ripgrep`);
    console.log(`files with findings: ${found} (expected ${expected}); files ripgrep matched: ${rgFiles}`);
    if (found !== expected) {
      console.error(`FAIL: the scan found Intercom use in ${found} files, expected ${expected}`);
      return 1;
    }
    console.log('\nAdversarial files (each should scan in under 1 s):');
    benchAdversarial();
    return 0;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Each section returns its exit code; `--only <name>` runs one. */
const SECTIONS = {
  scan: main,
  receiver: async () => (await import('./bench/receiver.mjs')).benchReceiver(),
  activation: benchActivation,
  catalog: benchCatalog,
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
