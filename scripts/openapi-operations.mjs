// Regenerates src/scopes/openapi/operations.json: every operation in Intercom's published OpenAPI
// descriptions (intercom/Intercom-OpenAPI, MIT), as (method, path, operationId, first tag) per API
// version. Structure only: no summaries or descriptions. Run by hand, not in CI:
//   node scripts/openapi-operations.mjs <git dir or checkout of intercom/Intercom-OpenAPI> [rev]
import fs from 'node:fs';
import path from 'node:path';
import { gitReader } from './lib/git-source.mjs';

const [source, rev = 'HEAD'] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/openapi-operations.mjs <Intercom-OpenAPI git dir or checkout> [rev]');
  process.exit(2);
}
const repo = gitReader(source, rev);
const OUT = path.join(import.meta.dirname, '..', 'src', 'scopes', 'openapi', 'operations.json');

// The folder "0" holds the Preview (unstable) version.
const label = (folder) => (folder === '0' ? 'Preview' : folder);
const byVersion = (a, b) => (a === '0') - (b === '0') || a.localeCompare(b, 'en', { numeric: true });
const folders = repo.list('descriptions/')
  .map((f) => /^descriptions\/([^/]+)\/api\.intercom\.io\.yaml$/.exec(f)?.[1])
  .filter((v) => v && (v === '0' || byVersion(v, '2.7') >= 0))
  .sort(byVersion);

/** Reads the `paths:` section line by line: its layout (2-space path keys, 4-space methods) is fixed by the generator. */
function operations(yaml) {
  const ops = [];
  let inPaths = false;
  let current;
  let pathKey;
  let inTags = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) {
      inPaths = line.startsWith('paths:');
      continue;
    }
    if (!inPaths) continue;
    const pathMatch = /^ {2}"?(\/[^":]*)"?:\s*$/.exec(line);
    if (pathMatch) { pathKey = pathMatch[1]; current = undefined; continue; }
    const method = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (method) {
      current = [method[1].toUpperCase(), pathKey, '', ''];
      ops.push(current);
      inTags = false;
      continue;
    }
    if (/^ {4}\S/.test(line)) { current = undefined; continue; }
    if (!current) continue;
    const id = /^ {6}operationId:\s*"?([^"\s]+)"?/.exec(line);
    if (id) current[2] = id[1];
    // Tags come as a block list (at either indent) or a flow list `[A, B]`.
    const tags = /^ {6}tags:\s*(?:\[\s*"?([^",\]]+?)"?\s*[,\]].*)?$/.exec(line);
    if (tags) { inTags = !tags[1]; current[3] ||= tags[1] ?? ''; continue; }
    const tag = /^ {6,8}- "?([^"]+?)"?\s*$/.exec(line);
    if (inTags && tag) { current[3] ||= tag[1]; continue; }
    if (/^ {6}\S/.test(line)) inTags = false;
  }
  return ops;
}

const versions = {};
for (const folder of folders) {
  versions[label(folder)] = operations(repo.read(`descriptions/${folder}/api.intercom.io.yaml`));
}
const data = {
  source: 'https://github.com/intercom/Intercom-OpenAPI',
  commit: repo.commit,
  license: 'MIT License, Copyright (c) 2022 Intercom, Inc. (LICENSE.md of the source repository)',
  fields: ['method', 'path', 'operationId', 'tag'],
  versions,
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `{\n${Object.entries(data).map(([k, v]) =>
  k === 'versions'
    ? `  "versions": {\n${Object.entries(v).map(([ver, ops]) => `    ${JSON.stringify(ver)}: [\n${ops.map((o) => `      ${JSON.stringify(o)}`).join(',\n')}\n    ]`).join(',\n')}\n  }`
    : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);
for (const [ver, ops] of Object.entries(versions)) console.log(`${ver}: ${ops.length} operations`);
