// Regenerates src/scopes/sdk-tables/*.json: for each major version of Intercom's official SDKs still
// in use, every resource method and the REST operations ("METHOD /path") it sends, read from the SDK's
// own sources. Only names and paths are kept, never SDK code. Run by hand, not in CI:
//   node scripts/sdk-tables.mjs --node <dir> --python <dir> --ruby <dir> --php <dir> --go <dir>
// Each <dir> is a git dir or a checkout of intercom/intercom-node, python-intercom, intercom-ruby,
// intercom-php, intercom-go; a language left out keeps its committed tables.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gitReader } from './lib/git-source.mjs';
import { go, nodeClassic, nodeFern, php, pythonClassic, pythonFern, ruby } from './lib/sdk-adapters.mjs';

const TARGETS = [
  { file: 'node-v2', language: 'node', sdk: 'intercom-client', rev: 'v2.11.0', read: nodeClassic },
  { file: 'node-v3', language: 'node', sdk: 'intercom-client', rev: 'v3.2.1', read: nodeClassic },
  { file: 'node-v4', language: 'node', sdk: 'intercom-client', rev: 'v4.0.0', read: nodeClassic },
  { file: 'node-v5', language: 'node', sdk: 'intercom-client', rev: 'v5.0.0', read: nodeClassic },
  { file: 'node-v6', language: 'node', sdk: 'intercom-client', rev: 'v6.4.0', read: nodeFern },
  { file: 'node-v7', language: 'node', sdk: 'intercom-client', rev: 'v7.0.3', read: nodeFern },
  { file: 'python-v3', language: 'python', sdk: 'python-intercom', rev: '3.1.0', read: pythonClassic },
  { file: 'python-v4', language: 'python', sdk: 'python-intercom', rev: '4.0.0', read: pythonFern },
  { file: 'python-v5', language: 'python', sdk: 'python-intercom', rev: '5.0.1', read: pythonFern },
  { file: 'ruby-v3', language: 'ruby', sdk: 'intercom-ruby', rev: 'v3.5.25', read: ruby },
  { file: 'ruby-v4', language: 'ruby', sdk: 'intercom-ruby', rev: 'v4.2.2', read: ruby },
  { file: 'php-v3', language: 'php', sdk: 'intercom-php', rev: 'v3.2.0', read: php },
  { file: 'php-v4', language: 'php', sdk: 'intercom-php', rev: 'v4.5.1', read: php },
  // intercom-go has no tags for its generations: v1 is `master`, v2 (gopkg.in/…/intercom-go.v2) the `v2` branch.
  { file: 'go-v1', language: 'go', sdk: 'intercom-go', rev: 'master', read: go },
  { file: 'go-v2', language: 'go', sdk: 'intercom-go', rev: 'v2', read: go },
];

const { values } = parseArgs({ options: Object.fromEntries(['node', 'python', 'ruby', 'php', 'go'].map((l) => [l, { type: 'string' }])) });
if (Object.keys(values).length === 0) {
  console.error('usage: node scripts/sdk-tables.mjs --node <dir> --python <dir> --ruby <dir> --php <dir> --go <dir>');
  process.exit(2);
}
const OUT = path.join(import.meta.dirname, '..', 'src', 'scopes', 'sdk-tables');
fs.mkdirSync(OUT, { recursive: true });

/** `FindByUserID`, `find_by_email`: the word after "by" names the query key the lookup sends. */
const LOOKUP_KEYS = { userid: 'user_id', email: 'email' };

/**
 * A lookup by user_id or email sends its list path with that query (`GET /users?user_id=…`): the query
 * is kept, so a rule can tell a lookup of one record from a listing.
 */
function withLookupQueries(resources) {
  for (const methods of Object.values(resources)) {
    for (const [name, ops] of Object.entries(methods)) {
      const key = LOOKUP_KEYS[/by(userid|email)$/.exec(name.replace(/_/g, '').toLowerCase())?.[1]];
      if (key) methods[name] = ops.map((op) => (/^GET [^?]*[a-z]$/.test(op) ? `${op}?${key}={id}` : op));
    }
  }
  return resources;
}

for (const target of TARGETS.filter((t) => values[t.language])) {
  const repo = gitReader(values[target.language], target.rev);
  const resources = withLookupQueries(target.read(repo));
  const sorted = Object.fromEntries(Object.keys(resources).sort().filter((r) => Object.keys(resources[r]).length > 0).map((r) => [
    r, Object.fromEntries(Object.keys(resources[r]).sort().map((m) => [m, resources[r][m]])),
  ]));
  const header = { sdk: target.sdk, version: target.rev, commit: repo.commit };
  const body = Object.entries(sorted).map(([r, methods]) =>
    `    ${JSON.stringify(r)}: {\n${Object.entries(methods).map(([m, ops]) => `      ${JSON.stringify(m)}: ${JSON.stringify(ops)}`).join(',\n')}\n    }`);
  fs.writeFileSync(path.join(OUT, `${target.file}.json`),
    `{\n${Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')},\n  "resources": {\n${body.join(',\n')}\n  }\n}\n`);
  const count = Object.values(sorted).reduce((n, m) => n + Object.keys(m).length, 0);
  console.log(`${target.file} (${target.rev}): ${Object.keys(sorted).length} resources, ${count} methods`);
}
