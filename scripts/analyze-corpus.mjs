// Runs the code analysis (hover, diagnostics) on folders of real code (checked out outside this repo), the
// way the editor would on each open file: the folder scan's wrappers as each file's project context, a
// connected workspace in Europe whose scope check found every permission missing (so the permission and
// region diagnostics show wherever they could), intercom.apiVersion at its default, every file tracked by
// git. Prints each diagnostic with its line of code, to be read one by one, then the counts per code.
// By hand, not in CI:
//   node esbuild.mjs --tests && node scripts/analyze-corpus.mjs [--version=2.16] [--quiet] FOLDER...
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { listScannable } from './lib/corpus-files.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = (rel) => path.join(ROOT, 'out', 'src', rel);

if (!fs.existsSync(compiled('codeIntelligence/analyze.js'))) {
  console.error('Build the compiled sources first: node esbuild.mjs --tests');
  process.exit(2);
}
const { analyzeDocument } = require(compiled('codeIntelligence/analyze.js'));
const { scanPass } = require(compiled('scopes/scanFiles.js'));
const { ScanState } = require(compiled('scopes/scanState.js'));
const files = require(compiled('scopes/files.js'));
const { loadCatalog } = require(compiled('explorer/catalog.js'));
const { SCOPES } = require(compiled('scopes/catalog.js'));

const LANGUAGE_IDS = { js: 'javascript', python: 'python', ruby: 'ruby', php: 'php', go: 'go' };
const ALL_MISSING = Object.fromEntries(SCOPES.map((s) => [s.label, 'missing']));

/** Each file's project context, as the folder scan's second pass gives it. */
async function projectContexts(folder, list) {
  const state = new ScanState(list);
  let next = 0;
  await scanPass({ files: state.files, claim: () => next++, apply: state.apply.bind(state) }, (f) => fs.promises.readFile(path.join(folder, f)));
  return new Map(state.rescans().map((r) => [state.files[r.index], r.project]));
}

async function analyzeFolder(folder, version) {
  const list = listScannable(folder, files);
  const projects = await projectContexts(folder, list);
  const catalog = loadCatalog();
  const found = [];
  let callSites = 0;
  const times = [];
  for (const file of list) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    if (text.length > 1_000_000) continue;
    const started = performance.now();
    const analysis = analyzeDocument({
      file, languageId: LANGUAGE_IDS[files.languageOf(file)], text, pinnedVersionDefault: version, catalog,
      scopeCheck: ALL_MISSING, region: 'eu', gitTracked: true, project: projects.get(file),
    });
    times.push(performance.now() - started);
    callSites += analysis.callSites.length;
    const lines = text.split('\n');
    for (const d of analysis.diagnostics) {
      found.push({ code: d.code, at: `${file}:${d.range.start.line + 1}`, message: d.message, line: lines[d.range.start.line].trim().slice(0, 160), fixes: d.fixes.map((f) => f.title) });
    }
  }
  return { folder, files: list.length, callSites, found, times };
}

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const version = args.find((a) => a.startsWith('--version='))?.slice('--version='.length) ?? '2.16';
const folders = args.filter((a) => !a.startsWith('--'));
if (folders.length === 0) {
  console.error('Usage: node scripts/analyze-corpus.mjs [--version=2.16] [--quiet] FOLDER...');
  process.exit(2);
}
const counts = new Map();
const times = [];
let callSites = 0;
for (const folder of folders) {
  const r = await analyzeFolder(path.resolve(folder), version);
  callSites += r.callSites;
  times.push(...r.times);
  if (!quiet) console.log(`\n${r.folder}: ${r.files} files, ${r.callSites} call sites, ${r.found.length} diagnostics`);
  for (const d of r.found) {
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    if (!quiet) console.log(`  ${d.code}  ${d.at}\n    ${d.line}\n    ${d.message}${d.fixes.length ? `\n    fixes: ${d.fixes.join(' | ')}` : ''}`);
  }
}
times.sort((a, b) => a - b);
const at = (q) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
console.log(`\n${folders.length} folders, ${times.length} files, ${callSites} call sites; analysis per file: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
console.log('\n| Diagnostic | Fired |\n|---|---|');
for (const [code, n] of [...counts].sort()) console.log(`| ${code} | ${n} |`);
