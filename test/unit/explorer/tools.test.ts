import assert from 'node:assert/strict';
import { loadCatalog } from '../../../src/explorer/catalog';
import { catalogGet, findOperations, workspaceFacts } from '../../../src/explorer/tools';
import type { IntercomSession } from '../../../src/session/model';

const ops = loadCatalog().operations('2.11');

suite('explorer language-model tool answers', () => {
  test('workspace facts never carry the token', () => {
    const session = {
      id: 's', accessToken: 'tok_secret_123', kind: 'accessToken', account: { id: 'a', label: 'l' }, region: 'eu',
      apiBase: 'https://api.eu.intercom.io', createdAt: '', meFetchedAt: '2026-01-01T00:00:00.000Z',
      me: { id: '7', name: 'Ada', email: 'ada@example.com', email_verified: true, app: { id_code: 'abc', name: 'Acme', region: null } },
    } as unknown as IntercomSession;
    const facts = workspaceFacts(session, '2.11');
    assert.ok(!JSON.stringify(facts).includes('tok_secret_123'));
    assert.deepEqual(facts, {
      workspace: { name: 'Acme', idCode: 'abc', region: 'Europe', timezone: null },
      admin: { id: '7', name: 'Ada', email: 'ada@example.com', emailVerified: true },
      apiHost: 'api.eu.intercom.io', intercomVersion: '2.11', tokenKind: 'accessToken', readAt: '2026-01-01T00:00:00.000Z',
    });
  });

  test('find: method, path, permission and parameters of matching operations', () => {
    const found = findOperations(ops, 'list contacts') as { method: string; path: string; permission: unknown; parameters: unknown[] }[];
    const list = found.find((o) => o.method === 'GET' && o.path === '/contacts');
    assert.ok(list, JSON.stringify(found));
    assert.deepEqual(list.permission, ['Read and list users and companies']);
    assert.ok(list.parameters.length > 0);
  });

  test('call_get sends only documented GET paths, relative to the API host', () => {
    const ok = catalogGet(ops, '/contacts/abc?x=1');
    assert.ok('call' in ok);
    assert.deepEqual(ok.call, { method: 'GET', path: '/contacts/abc', query: { x: '1' } });
    assert.equal(ok.operation.operationId, 'ShowContact');
    const dotted = ['/contacts/../me', '/contacts/%2e%2e/admins', '/contacts/%2E./admins', '/contacts/.%2e/admins', '/contacts/./admins', '/contacts/..?x=1', '/contacts/..\u0001'];
    for (const bad of ['https://evil.example/me', '//evil.example/me', 'contacts', '/no_such_thing', ...dotted]) {
      assert.ok('refused' in catalogGet(ops, bad), bad);
    }
  });
});
