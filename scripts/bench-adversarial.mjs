// The scope scanner on crafted files that repeat one costly pattern (test/support/craftedFiles.ts), each
// at 1 MB: prints the time each takes. Each must scan in under a second; the exit code says whether they
// all did. Run with `node scripts/bench-adversarial.mjs` after `node esbuild.mjs --tests`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BYTES = 1_000_000;
const LIMIT_MS = 1000;

/** Scans each crafted file once and prints one line per file; true when every one is under the limit. */
export function benchAdversarial(log = console.log) {
  const compiled = (rel) => path.join(ROOT, 'out', rel);
  if (!fs.existsSync(compiled('test/support/craftedFiles.js'))) {
    execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: ROOT, stdio: 'inherit' });
  }
  const require = createRequire(import.meta.url);
  const { scanText } = require(compiled('src/scopes/scanner.js'));
  const { CRAFTED_FILES } = require(compiled('test/support/craftedFiles.js'));
  let allFast = true;
  for (const crafted of CRAFTED_FILES) {
    const text = crafted.make(BYTES);
    const start = performance.now();
    const cpu = process.cpuUsage();
    scanText(crafted.file, text);
    const ms = performance.now() - start;
    // CPU time as well: on a busy machine the wall clock says more about the neighbours than the scan.
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    allFast &&= ms < LIMIT_MS;
    log(`${ms < LIMIT_MS ? 'ok  ' : 'SLOW'} ${(text.length / 1e6).toFixed(2)} MB ${crafted.title}: ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU)`);
  }
  return allFast;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = benchAdversarial() ? 0 : 1;
