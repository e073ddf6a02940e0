import assert from 'node:assert/strict';
import type { ApiCall } from '../../../src/api/call';
import { bodyDocumentName, bodyTemplate, callTarget, fillPath, nextPageCall, pathValueProblem } from '../../../src/explorer/call';
import { HISTORY_LIMIT, parseHistory, remember, type HistoryEntry } from '../../../src/explorer/history';
import { renderResponse } from '../../../src/explorer/response';

const list: ApiCall = { method: 'GET', path: '/contacts', query: { per_page: '2' } };

suite('explorer call', () => {
  test('fills path parameters as single encoded segments and refuses a missing one', () => {
    assert.equal(fillPath('/contacts/{contact_id}/tags/{id}', { contact_id: 'a/b c', id: '7' }), '/contacts/a%2Fb%20c/tags/7');
    assert.throws(() => fillPath('/contacts/{contact_id}', {}), /contact_id/);
  });

  test('a path value of . or .., %2e included in any case, is refused; a value with dots in it is encoded like any other', () => {
    for (const value of ['.', '..', '%2e', '%2E%2e', '.%2E', '%2e.']) {
      assert.throws(() => fillPath('/contacts/{contact_id}/companies/{id}', { contact_id: value, id: '123' }), /contact_id cannot be/, value);
      assert.equal(pathValueProblem(value), 'dotSegment', value);
    }
    assert.equal(pathValueProblem(''), 'missing');
    assert.equal(fillPath('/contacts/{contact_id}/companies/{id}', { contact_id: '...', id: 'a.b' }), '/contacts/.../companies/a.b');
    assert.equal(fillPath('/contacts/{contact_id}', { contact_id: '../x' }), '/contacts/..%2Fx');
  });

  test('the target carries the query; the body template lists the top-level fields', () => {
    assert.equal(callTarget({ path: '/contacts', query: { per_page: '2', starting_after: 'a=b' } }), '/contacts?per_page=2&starting_after=a%3Db');
    assert.equal(callTarget({ path: '/me', query: {} }), '/me');
    assert.deepEqual(JSON.parse(bodyTemplate(['name', 'id'])), { name: null, id: null });
  });

  test('a body document is named for its request, with only characters any tab and file system accept', () => {
    assert.equal(bodyDocumentName({ method: 'POST', path: '/contacts' }), 'POST contacts — body.json');
    assert.equal(bodyDocumentName({ method: 'PUT', path: '/contacts/6%205%2F4/tags' }), 'PUT contacts 6_205_2F4 tags — body.json');
  });

  test('next page: the same call with starting_after from pages.next, none on the last page', () => {
    assert.deepEqual(nextPageCall(list, { pages: { next: { page: 2, starting_after: 'WzJd' } } }), { ...list, query: { per_page: '2', starting_after: 'WzJd' } });
    assert.equal(nextPageCall(list, { pages: { next: null } }), undefined);
    assert.equal(nextPageCall(list, { pages: { type: 'pages', page: 1 } }), undefined);
    assert.equal(nextPageCall(list, 'not json'), undefined);
  });

  test('the response text: status, duration, request id, rate-limit headers, then the pretty body', () => {
    const text = renderResponse(list, {
      status: 200, durationMs: 12,
      headers: { 'x-request-id': 'req-1', 'x-ratelimit-remaining': '9', 'x-ratelimit-limit': '10' },
      body: { type: 'list', data: [] },
    }, { workspace: 'Acme (abc)', version: '2.11' });
    assert.equal(text, [
      '// GET /contacts?per_page=2 → 200 in 12 ms',
      '// Workspace: Acme (abc) · Intercom-Version: 2.11',
      '// Request id: req-1',
      '// X-RateLimit-Limit: 10 · X-RateLimit-Remaining: 9',
      '{',
      '  "type": "list",',
      '  "data": []',
      '}',
      '',
    ].join('\n'));
  });

  test('an unsuccessful answer\'s text says the next step above the body, each of its lines a comment', () => {
    const text = renderResponse({ method: 'GET', path: '/contacts/x', query: {} }, {
      status: 404, durationMs: 3, headers: {}, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] },
    }, { workspace: 'Acme (abc)', version: '2.11', nextStep: 'Check the id.\nThen send again.' });
    assert.deepEqual(text.split('\n').slice(0, 6), [
      '// GET /contacts/x → 404 in 3 ms',
      '// Workspace: Acme (abc) · Intercom-Version: 2.11',
      '// Request id: (none)',
      '// Next step: Check the id.',
      '// Then send again.',
      '{',
    ]);
  });
});

suite('explorer history', () => {
  const entry = (path: string, at = 1): HistoryEntry => ({ call: { method: 'GET', path, query: {} }, operationId: 'x', sessionId: 's1', workspace: 'W', version: '2.11', at });

  test('newest first, an identical call moves to the top, at most 50', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 60; i++) history = remember(history, entry(`/p${i}`));
    assert.equal(history.length, HISTORY_LIMIT);
    assert.equal(history[0].call.path, '/p59');
    history = remember(history, entry('/p30', 2));
    assert.equal(history[0].call.path, '/p30');
    assert.equal(history.filter((e) => e.call.path === '/p30').length, 1);
  });

  test('stored history is read tolerantly', () => {
    assert.deepEqual(parseHistory('nonsense'), []);
    assert.deepEqual(parseHistory([{ call: 1 }, entry('/me')]), [entry('/me')]);
  });
});
