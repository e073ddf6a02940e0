import assert from 'node:assert/strict';
import { loadCatalog, type Parameter } from '../../../src/explorer/catalog';
import type { RequestFinding } from '../../../src/scopes/finding';
import { diffVersions, operationKey, type DiffOperation } from '../../../src/versions/diff';
import { renderVersionReport } from '../../../src/versions/report';

const q = (name: string, required = false): Parameter => ({ name, in: 'query', required });
const slot = (name: string): Parameter => ({ name, in: 'path', required: true });
const op = (method: DiffOperation['method'], path: string, operationId: string, parameters: Parameter[] = [], bodyFields: string[] = []): DiffOperation =>
  ({ method, path, operationId, parameters, bodyFields });

const A = [
  op('GET', '/contacts/{id}', 'showContact', [slot('id')]),
  op('GET', '/contacts', 'listContacts', [q('per_page'), q('starting_after')]),
  op('POST', '/notes', 'createNote', [], ['body', 'contact_id']),
  op('GET', '/legacy', 'legacyThing'),
  op('GET', '/tags/list', 'listTags'),
];
const B = [
  op('GET', '/contacts/{contact_id}', 'showContact', [slot('contact_id')]),
  op('GET', '/contacts', 'listContacts', [q('per_page', true), q('cursor')]),
  op('POST', '/notes', 'createNote', [], ['body', 'admin_id']),
  op('GET', '/tags', 'listTags'),
  op('GET', '/brand_new', 'brandNew'),
];

const finding = (file: string, line: number, method: DiffOperation['method'], path: string): RequestFinding =>
  ({ kind: 'rest', file, line, column: 1, snippet: '', operation: { method, path }, methodSeen: true, rules: [] });

suite('version diff', () => {
  test('{id} and {contact_id} are the same slot', () => {
    assert.equal(operationKey({ method: 'GET', path: '/contacts/{id}/tags/{tag_id}' }), operationKey({ method: 'GET', path: '/contacts/{contact_id}/tags/{id}' }));
    const diff = diffVersions(A, B);
    const touched = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after), ...diff.renamed.map((c) => c.after)];
    assert.ok(!touched.some((o) => o.operationId === 'showContact'), 'a renamed slot is no change');
  });

  test('added, removed, renamed paths (same operationId) and changed parameters', () => {
    const diff = diffVersions(A, B);
    assert.deepEqual(diff.added.map((o) => o.operationId), ['brandNew']);
    assert.deepEqual(diff.removed.map((o) => o.operationId), ['legacyThing']);
    assert.deepEqual(diff.renamed.map((r) => [r.before.path, r.after.path]), [['/tags/list', '/tags']]);
    assert.deepEqual(Object.fromEntries(diff.changed.map((c) => [c.after.operationId, c.changes.map((x) => `${x.where} ${x.name} ${x.kind}`)])), {
      listContacts: ['query per_page now required', 'query cursor added', 'query starting_after removed'],
      createNote: ['body admin_id added', 'body contact_id removed'],
    });
  });

  test('the real catalog: 2.7 → 2.16 keeps PUT /admins/{id}/away (its slot was renamed) and names its new body field', () => {
    const catalog = loadCatalog();
    const diff = diffVersions(catalog.operations('2.7'), catalog.operations('2.16'));
    const away = diff.changed.find((c) => c.after.operationId === 'setAwayAdmin');
    assert.ok(away, 'setAwayAdmin changed');
    assert.notEqual(away.before.path, away.after.path, 'the slot names differ');
    assert.ok(away.changes.some((c) => c.where === 'body' && c.kind === 'added' && c.name === 'away_status_reason_id'));
    assert.ok(!diff.removed.some((o) => o.operationId === 'setAwayAdmin'));
  });

  test('the report: used operations first, with links to code, then every change', () => {
    const diff = diffVersions(A, B);
    const md = renderVersionReport({
      from: '2.7', to: '2.16', diff, fromKeys: new Set(A.map(operationKey)), source: 'test data',
      findings: [
        finding('src/a.ts', 12, 'GET', '/contacts/{id}'),
        finding('src/b (old).ts', 3, 'GET', '/contacts/{id}'),
        finding('src/c.py', 7, 'GET', '/legacy'),
        finding('src/d.rb', 1, 'GET', '/tags/list'),
        finding('src/e.go', 9, 'GET', '/contacts'),
        finding('src/f.php', 4, 'GET', '/tags'),
      ],
      link: (f) => `${f.file}#L${f.line}`,
    });
    const used = md.slice(md.indexOf('## Operations this folder'), md.indexOf('## All operations'));
    assert.match(used, /\| `GET \/contacts\/\{id\}` \| \[src\/a\.ts:12\]\(src\/a\.ts#L12\), \[src\/b \(old\)\.ts:3\]\(<src\/b \(old\)\.ts#L3>\) \| unchanged \|/);
    assert.match(used, /\| `GET \/legacy` \| \[src\/c\.py:7\]\(src\/c\.py#L7\) \| \*\*removed\*\* in 2\.16 \|/);
    assert.match(used, /\| `GET \/tags\/list` \| .* \| \*\*path renamed\*\* to `GET \/tags` \|/);
    assert.match(used, /\| `GET \/tags` \| \[src\/f\.php:4\]\(src\/f\.php#L4\) \| path new in 2\.16 \(was `GET \/tags\/list`\) \|/);
    assert.match(used, /\| `GET \/contacts` \| .* \| \*\*changed\*\*: query parameter `per_page` now required; query parameter `cursor` added; query parameter `starting_after` removed \|/);
    const all = md.slice(md.indexOf('## All operations'));
    assert.match(all, /### Added \(1\)\n\n- `GET \/brand_new` \(`brandNew`\)/);
    assert.match(all, /### Removed \(1\)\n\n- `GET \/legacy`/);
    assert.match(all, /### Renamed paths \(1\)\n\n- `listTags`: `GET \/tags\/list` → `GET \/tags`/);
    assert.match(all, /### Changed parameters \(2\)/);
  });
});
