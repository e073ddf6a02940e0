import assert from 'node:assert/strict';
import { groupByTag, operationLabel, permissionMark } from '../../../src/explorer/browse';
import { loadCatalog } from '../../../src/explorer/catalog';

suite('explorer browse', () => {
  const ops = loadCatalog().operations('2.11');

  test('groups a version\'s operations by tag, alphabetically, every operation once', () => {
    const groups = groupByTag(ops);
    assert.deepEqual(groups.map((g) => g.tag), [...groups.map((g) => g.tag)].sort((a, b) => a.localeCompare(b)));
    assert.equal(groups.reduce((n, g) => n + g.operations.length, 0), ops.length);
    assert.ok(groups.find((g) => g.tag === 'Admins')?.operations.some((o) => o.operationId === 'identifyAdmin'));
  });

  test('the filter keeps operations matching every word, in any field, any case', () => {
    const groups = groupByTag(ops, 'get CONTACTS tags');
    assert.deepEqual(groups.flatMap((g) => g.operations.map((o) => `${o.method} ${o.path}`)), ['GET /contacts/{contact_id}/tags']);
    const readTags = groupByTag(ops, 'read tags').flatMap((g) => g.operations.map((o) => `${o.method} ${o.path}`));
    assert.ok(readTags.includes('GET /tags') && !readTags.includes('DELETE /tags/{id}'), readTags.join(', '));
    assert.deepEqual(groupByTag(ops, 'no-such-thing'), []);
  });

  test('labels come from the operationId', () => {
    assert.equal(operationLabel({ operationId: 'listActivityLogs', method: 'GET', path: '/admins/activity_logs' }), 'List activity logs');
    assert.equal(operationLabel({ operationId: 'listSegmentsForAContact', method: 'GET', path: '/contacts/{id}/segments' }), 'List segments for a contact');
    assert.equal(operationLabel({ operationId: '', method: 'GET', path: '/export/reporting_data/get_datasets' }), 'GET /export/reporting_data/get_datasets');
  });

  test('✓ when a permission was found granted, ✗ when all were found missing, nothing otherwise', () => {
    const either = ['Read one admin', 'Read admins'];
    assert.equal(permissionMark(either, { 'Read admins': 'granted' }), 'granted');
    assert.equal(permissionMark(either, { 'Read admins': 'missing', 'Read one admin': 'missing' }), 'missing');
    assert.equal(permissionMark(either, { 'Read admins': 'missing' }), undefined, 'one of them was not checked');
    assert.equal(permissionMark(either, undefined), undefined, 'no check ran');
    assert.equal(permissionMark('unknown', { 'Read admins': 'granted' }), undefined);
    assert.equal(permissionMark('none', {}), undefined);
  });
});
