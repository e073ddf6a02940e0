import assert from 'node:assert/strict';
import { loadCatalog } from '../../../src/explorer/catalog';
import { prefilled } from '../../../src/explorer/prefill';

suite('explorer: requests prefilled from the code', () => {
  const PREFILL = { version: '2.11', method: 'GET', path: '/contacts/{contact_id}', operationId: 'ShowContact', pathValues: { contact_id: '123' }, query: { per_page: '5' } };

  test('names the catalog operation in its version, with the values the code writes', () => {
    const found = prefilled(loadCatalog(), PREFILL);
    assert.equal(found?.operation.operationId, 'ShowContact');
    assert.equal(found?.version, '2.11');
    assert.deepEqual(found?.values, { path: { contact_id: '123' }, query: { per_page: '5' } });
  });

  test('nothing for a view row, a malformed argument or an operation the version lacks', () => {
    const catalog = loadCatalog();
    assert.equal(prefilled(catalog, undefined), undefined);
    assert.equal(prefilled(catalog, { kind: 'operation' }), undefined);
    assert.equal(prefilled(catalog, { ...PREFILL, pathValues: { contact_id: 7 } }), undefined);
    assert.equal(prefilled(catalog, { ...PREFILL, operationId: 'DeleteEverything' }), undefined);
    assert.equal(prefilled(catalog, { ...PREFILL, version: '1.4' }), undefined);
  });
});
