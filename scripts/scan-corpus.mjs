// Runs the pure scope scanner and planner on folders of real code (checked out outside this repo), the
// way the Generate Scope Checklist command would: every scannable file, capabilities preselected from
// the findings, the least set of Developer Hub permissions. Prints, per folder, the permissions it would
// recommend, the findings behind them, skipped files, and files and calls to check by hand. By hand, not in CI:
//   node esbuild.mjs --tests && node scripts/scan-corpus.mjs [--json] FOLDER...
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScannable } from './lib/corpus-files.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = (rel) => path.join(ROOT, 'out', 'src', 'scopes', rel);

if (!fs.existsSync(compiled('scanner.js'))) {
  console.error('Build the compiled sources first: node esbuild.mjs --tests');
  process.exit(2);
}
const { scanFiles } = require(compiled('scanFiles.js'));
const files = require(compiled('files.js'));
const { capabilitiesForFindings } = require(compiled('capabilities.js'));
const { buildChecklist } = require(compiled('plan.js'));
const { findingSubject } = require(compiled('finding.js'));

/** The scan and checklist of one folder, as plain data. */
async function scanFolder(folder) {
  const list = listScannable(folder, files);
  const result = await scanFiles(list, (file) => fs.promises.readFile(path.join(folder, file)), {
    sizeOf: async (file) => (await fs.promises.stat(path.join(folder, file))).size,
  });
  const capabilities = capabilitiesForFindings(result.findings);
  const checklist = buildChecklist({ capabilities, findings: result.findings, scan: result });
  return {
    folder,
    files: list.length,
    scanned: result.scanned,
    permissions: checklist.sections.flatMap((s) => s.items.map((i) => i.scope.label)),
    leftOut: checklist.leftOut.map((l) => `${l.scope.label} (covered by ${l.coveredBy.label})`),
    capabilities: capabilities.map((c) => c.id),
    findings: result.findings.map((f) => ({
      at: `${f.file}:${f.line}`,
      kind: f.kind,
      subject: findingSubject(f),
      ...(f.kind !== 'webhook' && { methodSeen: f.methodSeen, mapped: f.rules.length > 0 }),
      ...(f.call && { call: f.call }),
      snippet: f.snippet,
    })),
    setAside: checklist.setAside.map((s) => `${s.finding.file}:${s.finding.line} ${findingSubject(s.finding)} (${s.because})`),
    warnings: checklist.warnings.filter((w) => w.kind !== 'inferred-only').map((w) => w.message),
    skipped: result.skipped.map((s) => `${s.file} (${s.reason})`),
    checkByHand: result.checkByHand,
    unknownCalls: result.unknownCalls.map((c) => `${c.file}:${c.line} ${c.call}  ${c.snippet}`),
    methodNotShown: result.unseenMethods.map((u) => `${u.file}:${u.line} ${u.methods.join('|')} ${u.target.path}  ${u.snippet}`),
  };
}

function printReport(r) {
  const list = (title, items) => {
    console.log(`  ${title} (${items.length})`);
    for (const item of items) console.log(`    ${item}`);
  };
  console.log(`\n${r.folder}: ${r.scanned} of ${r.files} files scanned`);
  list('Permissions recommended', r.permissions);
  if (r.leftOut.length > 0) list('Needed but covered', r.leftOut);
  list('Findings', r.findings.map((f) => `${f.at} ${f.kind} ${f.subject}${f.call ? ` [${f.call}]` : ''}${f.methodSeen === false ? ' (method assumed)' : ''}  ${f.snippet}`));
  if (r.setAside.length > 0) list('Set aside', r.setAside);
  if (r.warnings.length > 0) list('Warnings', r.warnings);
  list('Skipped', r.skipped);
  list('Check these by hand', r.checkByHand);
  if (r.unknownCalls.length > 0) list('SDK calls no table knows', r.unknownCalls);
  if (r.methodNotShown.length > 0) list('Calls whose method the code does not show (nothing ticked)', r.methodNotShown);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const folders = args.filter((a) => a !== '--json');
if (folders.length === 0) {
  console.error('Usage: node scripts/scan-corpus.mjs [--json] FOLDER...');
  process.exit(2);
}
const reports = [];
for (const folder of folders) reports.push(await scanFolder(path.resolve(folder)));
if (json) console.log(JSON.stringify(reports, null, 2));
else reports.forEach(printReport);
