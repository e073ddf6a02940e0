import assert from 'node:assert/strict';
import { docUrl, loadCatalog } from '../../../src/explorer/catalog';
import { operationPermission } from '../../../src/explorer/permission';

const catalog = loadCatalog();
const find = (version: string, method: string, path: string) =>
  catalog.operations(version).find((o) => o.method === method && o.path === path);

suite('explorer catalog', () => {
  test('agrees with the scope mapping on the permission of every operation of every version', () => {
    const disagree: string[] = [];
    for (const version of catalog.versions) {
      for (const op of catalog.operations(version)) {
        const mapped = operationPermission(op.method, op.path.replace(/\{[^}]*\}/g, '{id}'));
        if (JSON.stringify(mapped) !== JSON.stringify(op.permission)) {
          disagree.push(`${version} ${op.method} ${op.path}: catalog ${JSON.stringify(op.permission)}, mapping ${JSON.stringify(mapped)}`);
        }
      }
    }
    assert.deepEqual(disagree, [], `run npm run catalog -- <Intercom-OpenAPI> after changing src/scopes/operations.ts\n${disagree.join('\n')}`);
  });

  test('lists each version\'s operations once, limited to that version', () => {
    assert.equal(catalog.operations('2.7').length, 98);
    assert.equal(catalog.operations('Preview').length, 256);
    assert.deepEqual(catalog.operations('1.4'), []);
    for (const version of catalog.versions) {
      const keys = catalog.operations(version).map((o) => `${o.method} ${o.path}`);
      assert.equal(new Set(keys).size, keys.length, version);
      assert.ok(catalog.operations(version).every((o) => o.versions.includes(version)), version);
    }
  });

  test('carries parameters, body fields, versions and the permission', () => {
    const me = find('2.11', 'GET', '/me');
    assert.ok(me);
    assert.deepEqual([me.operationId, me.tag, me.permission], ['identifyAdmin', 'Admins', ['Read admins', 'Read one admin']]);
    assert.deepEqual(me.versions, catalog.versions);
    const list = find('2.11', 'GET', '/contacts');
    assert.deepEqual(list?.parameters.map((p) => p.name), ['page', 'per_page', 'starting_after']);
    const away = find('2.16', 'PUT', '/admins/{admin_id}/away');
    assert.deepEqual(away?.parameters, [{ name: 'admin_id', in: 'path', required: true }]);
    assert.ok(away?.bodyFields.includes('away_mode_enabled'));
    assert.ok(find('2.16', 'POST', '/contacts')?.bodyFields.includes('email'));
    assert.equal(find('2.7', 'GET', '/auth/eagle/token'), undefined);
  });

  test('holds structure, not prose: identifiers only', () => {
    for (const version of catalog.versions) {
      for (const op of catalog.operations(version)) {
        assert.match(op.operationId, /^([A-Za-z]\w*)?$/, op.path);
        assert.match(op.path, /^(\/[\w.{}-]+)+$/, op.operationId);
        for (const p of op.parameters) assert.match(p.name, /^[\w.[\]-]+$/, `${op.operationId} ${p.name}`);
        for (const f of op.bodyFields) assert.match(f, /^[\w.$-]+$/, `${op.operationId} ${f}`);
      }
    }
  });

  test('links each operation to its reference page for the version in use', () => {
    assert.equal(find('2.11', 'GET', '/me')?.docUrl, 'https://developers.intercom.com/docs/references/2.11/rest-api/api.intercom.io/admins/identifyadmin');
    assert.equal(docUrl('Preview', 'Help Center', 'listAllCollections'),
      'https://developers.intercom.com/docs/references/unstable/rest-api/api.intercom.io/help-center/listallcollections');
    assert.equal(docUrl('2.16', 'Reporting Data Export', ''), 'https://developers.intercom.com/docs/references/2.16/rest-api/api.intercom.io/reporting-data-export');
  });
});
