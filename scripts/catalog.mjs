// Regenerates src/explorer/catalog.json, the API catalog: every operation in Intercom's published OpenAPI
// descriptions (intercom/Intercom-OpenAPI, MIT; descriptions/<version>/api.intercom.io.yaml, 2.7 to Preview) with
// its method, path, operationId, first tag, parameters (name, in, required), the request body's top-level fields,
// the versions that have it, and the permission the scope mapping gives it (src/explorer/permission.ts).
// Structure only: no summaries, descriptions or examples.
// It also writes the Canvas Kit JSON Schema, src/canvasKit/schema/canvas.schema.json, from the Canvas Kit schemas
// of descriptions/2.11 (the only version holding them; kept as read in openapi-canvas-kit.json beside it) by
// src/canvasKit/schema/generate/build.ts. Run by hand, not in CI:
//   npm run catalog -- <git dir or checkout of intercom/Intercom-OpenAPI> [rev]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { gitReader } from './lib/git-source.mjs';

const [source, rev = 'HEAD'] = process.argv.slice(2);
if (!source) {
  console.error('usage: npm run catalog -- <Intercom-OpenAPI git dir or checkout> [rev]');
  process.exit(2);
}
const ROOT = path.join(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'src', 'explorer', 'catalog.json');
const repo = gitReader(source, rev);

/** A TypeScript module of this repository, transpiled on the fly. */
async function load(file) {
  const built = await esbuild.build({ entryPoints: [path.join(ROOT, file)], bundle: true, format: 'esm', write: false });
  return import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
}
// The permission comes from the scope mapping's own code.
const { operationPermission } = await load('src/explorer/permission.ts');

// The folder "0" holds the Preview (unstable) version.
const label = (folder) => (folder === '0' ? 'Preview' : folder);
const byVersion = (a, b) => (a === '0') - (b === '0') || a.localeCompare(b, 'en', { numeric: true });
const folders = repo.list('descriptions/')
  .map((f) => /^descriptions\/([^/]+)\/api\.intercom\.io\.yaml$/.exec(f)?.[1])
  .filter((v) => v && (v === '0' || byVersion(v, '2.7') >= 0))
  .sort(byVersion);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Follows local `$ref`s (`#/components/...`). */
const resolver = (doc) => function resolve(node) {
  if (!node?.$ref) return node;
  return resolve(node.$ref.replace(/^#\//, '').split('/').reduce((n, key) => n?.[key], doc));
};

/** Top-level property names of a JSON body schema, across oneOf/anyOf/allOf alternatives. */
function bodyFields(schema, resolve, seen = new Set()) {
  const s = resolve(schema);
  if (!s || seen.has(s)) return [];
  seen.add(s);
  return [
    ...Object.keys(s.properties ?? {}),
    ...[...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap((alt) => bodyFields(alt, resolve, seen)),
  ];
}

function operations(doc) {
  const resolve = resolver(doc);
  const ops = [];
  for (const [pathKey, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve)
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => [p.name, p.in, p.required ? 1 : 0]);
      const body = resolve(resolve(op.requestBody)?.content?.['application/json']?.schema);
      ops.push({
        method: method.toUpperCase(), path: pathKey, operationId: op.operationId ?? '', tag: op.tags?.[0] ?? '',
        parameters, bodyFields: [...new Set(bodyFields(body, resolve))],
      });
    }
  }
  return ops;
}

const versions = folders.map(label);
// One entry per distinct shape; `v` is a bit mask over `versions` (bit i = versions[i] has it).
const entries = new Map();
const permissions = [];
const permissionIndex = (p) => {
  const key = JSON.stringify(p);
  let i = permissions.findIndex((q) => JSON.stringify(q) === key);
  if (i < 0) i = permissions.push(p) - 1;
  return i;
};
folders.forEach((folder, i) => {
  const ops = operations(yaml.load(repo.read(`descriptions/${folder}/api.intercom.io.yaml`)));
  console.log(`${label(folder)}: ${ops.length} operations`);
  for (const o of ops) {
    const key = JSON.stringify([o.method, o.path, o.operationId, o.tag, o.parameters, o.bodyFields]);
    const entry = entries.get(key) ?? { ...o, v: 0, p: permissionIndex(operationPermission(o.method, o.path.replace(/\{[^}]*\}/g, '{id}'))) };
    entry.v |= 1 << i;
    entries.set(key, entry);
  }
});
const rows = [...entries.values()].map((e) => [e.method, e.path, e.operationId, e.tag, e.v, e.p, e.parameters, e.bodyFields]);
const data = {
  source: 'https://github.com/intercom/Intercom-OpenAPI',
  commit: repo.commit,
  license: 'MIT License, Copyright (c) 2022 Intercom, Inc. (see catalog.NOTICE)',
  versions,
  permissions,
  fields: ['method', 'path', 'operationId', 'tag', 'versionMask', 'permission', 'parameters [name, in, required]', 'bodyFields'],
  operations: rows,
};
fs.writeFileSync(OUT, `{\n${Object.entries(data).map(([k, v]) =>
  Array.isArray(v) && k !== 'versions' && k !== 'fields'
    ? `  ${JSON.stringify(k)}: [\n${v.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`
    : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`);
console.log(`${rows.length} entries, ${fs.statSync(OUT).size} bytes → ${path.relative(ROOT, OUT)}`);

// The Canvas Kit schema.
const canvasKit = await load('src/canvasKit/schema/generate/build.ts');
const CANVAS_KIT = path.join(ROOT, 'src', 'canvasKit', 'schema');
const canvasKitSource = canvasKit.canvasKitSource(yaml.load(repo.read(canvasKit.OPENAPI_PATH)), repo.commit);
fs.writeFileSync(path.join(CANVAS_KIT, 'openapi-canvas-kit.json'), canvasKit.serialize(canvasKitSource));
fs.writeFileSync(path.join(CANVAS_KIT, 'canvas.schema.json'), canvasKit.serialize(canvasKit.buildCanvasSchema(canvasKitSource)));
console.log(`Canvas Kit: ${Object.keys(canvasKitSource.schemas).length} schemas of ${canvasKit.OPENAPI_PATH} → src/canvasKit/schema/canvas.schema.json`);
