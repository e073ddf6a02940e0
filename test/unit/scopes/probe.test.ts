import assert from 'node:assert/strict';
import { SCOPES } from '../../../src/scopes/catalog';
import { matchOperation, normalizePath } from '../../../src/scopes/operations';
import { classifyProbe, scopeProbes, UNCHECKABLE_SCOPES } from '../../../src/scopes/probe';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const errorList = (code: string, message: string) => ({ type: 'error.list', request_id: 'req-1', errors: [{ code, message }] });

suite('scopes probe', () => {
  test('one read-only GET per checkable read scope, in Developer Hub order', () => {
    const dayAgo = NOW / 1000 - 86_400;
    assert.deepEqual(scopeProbes(NOW).map((p) => [p.scope.label, p.method, p.path]), [
      ['Read and list users and companies', 'GET', '/contacts?per_page=1'],
      ['Read tags', 'GET', '/tags'],
      ['Read conversations', 'GET', '/conversations?per_page=1'],
      ['Read counts', 'GET', '/counts'],
      ['Read tickets', 'GET', '/ticket_types'],
      ['Read admins', 'GET', '/admins'],
      ['Read admin activity logs', 'GET', `/admins/activity_logs?created_at_after=${dayAgo}`],
      ['Read and List news items and newsfeeds', 'GET', '/news/news_items'],
      ['Read and List articles', 'GET', '/articles?per_page=1'],
      ['Read data connectors', 'GET', '/data_connectors'],
    ]);
  });

  test('each probe is an operation the mapping ties to the scope it checks', () => {
    for (const probe of scopeProbes(NOW)) {
      const { path } = normalizePath(probe.path);
      const rules = matchOperation({ method: probe.method, path });
      assert.deepEqual(rules.map((r) => r.anyOf), [[probe.scope.label]], probe.path);
    }
  });

  test('every scope is either probed or listed as not checkable, never both', () => {
    const probed = new Set(scopeProbes(NOW).map((p) => p.scope));
    const unchecked = new Set(UNCHECKABLE_SCOPES.map((u) => u.scope));
    for (const s of SCOPES) assert.ok(probed.has(s) !== unchecked.has(s), s.label);
    for (const u of UNCHECKABLE_SCOPES) assert.ok(u.reason.length > 10, u.scope.label);
  });

  test('no write scope is probed', () => {
    const probed = scopeProbes(NOW).map((p) => p.scope.label);
    for (const label of probed) assert.doesNotMatch(label, /write|update|create|delete|export/i);
    const writes = SCOPES.filter((s) => /write|update|create|delete|export/i.test(s.label));
    assert.equal(writes.length, 17);
    for (const w of writes) assert.ok(UNCHECKABLE_SCOPES.some((u) => u.scope === w), w.label);
  });

  test('200 means granted', () => {
    assert.deepEqual(classifyProbe(200, { type: 'list', data: [] }), { status: 'granted', reason: 'Intercom answered 200.' });
  });

  test('403 naming a required scope means missing, with the scope', () => {
    const body = errorList('forbidden', 'You do not have the required scope (read_conversations) to access this resource');
    assert.deepEqual(classifyProbe(403, body), {
      status: 'missing',
      reason: 'Intercom answered 403: You do not have the required scope (read_conversations) to access this resource',
      requiredScope: 'read_conversations',
    });
  });

  test('anything else is unknown, with the reason', () => {
    const cases: [number, unknown, RegExp][] = [
      [403, errorList('api_plan_restricted', 'Active subscription needed.'), /^Intercom answered 403 without naming a missing scope: Active subscription needed\.$/],
      [403, '<html>Forbidden</html>', /^Intercom answered 403 without naming a missing scope$/],
      [401, errorList('unauthorized', 'Access Token Invalid'), /^The token was rejected \(401\): Access Token Invalid$/],
      [429, errorList('rate_limit_exceeded', 'Exceeded rate limit'), /^Rate limited/],
      [404, errorList('not_found', 'Resource Not Found'), /\(404\): Resource Not Found$/],
      [500, null, /^Intercom answered 500$/],
      [201, {}, /^Intercom answered 201$/],
    ];
    for (const [status, body, reason] of cases) {
      const result = classifyProbe(status, body);
      assert.equal(result.status, 'unknown', String(status));
      assert.match(result.reason, reason);
      assert.equal(result.requiredScope, undefined);
    }
  });
});
