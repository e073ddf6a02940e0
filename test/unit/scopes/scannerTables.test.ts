import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Budget } from '../../../src/scopes/budget';
import { operationText } from '../../../src/scopes/operations';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { scanText } from '../../../src/scopes/scanner';
import { PATTERNS, requests } from './patternScan';

suite('scopes scanner: declarative endpoint tables', () => {
  test('JS/TS: url or path beside operation, method or httpMethod, under Intercom\'s prefix; not another vendor\'s table, routes or a label', () => {
    assert.deepEqual(requests('endpoint-table.ts'), [
      '8 POST /contacts/search',
      '10 PUT /contacts/{id}',
      '14 POST /contacts/{id}/tags',
      '15 GET /tags',
      '16 POST /events',
      '17 GET /companies/{id}/segments',
    ]);
  });

  test('Python: dicts and dict(…) of path and method beside the base URL; not another vendor\'s table', () => {
    assert.deepEqual(requests('endpoint-table.py'), [
      '5 POST /contacts/search',
      '6 PUT /contacts/{id}',
      '7 GET /admins',
      '8 POST /conversations/{id}/reply',
    ]);
  });

  test('Python: a settings module whose table names Intercom, though the module names neither its host nor its SDK; not the other table beside it', () => {
    assert.deepEqual(requests('endpoint-config.py'), ['14 POST /contacts/search', '15 POST /companies/list']);
  });

  test('a table in a file that does not talk to Intercom and does not name it is not Intercom\'s', async () => {
    assert.deepEqual(requests('endpoint-config-other-vendor.py'), []);

    const result = await scanFiles(['src/crm.ts'], () => fs.readFileSync(path.join(PATTERNS, 'endpoint-table-other-vendor.ts')));
    assert.deepEqual(result.findings, []);
  });
});

suite('scopes scanner: a request helper called with the method beside the path', () => {
  test('TS: a helper of a class named for Intercom, handed method and path from blocks nested in its methods; not another service\'s class', () => {
    assert.deepEqual(requests('helper-nested-blocks.ts'), ['13 POST /contacts/search', '23 POST /conversations/search']);
  });

  test('JS: { method, endpoint } with one bare segment under the path\'s key (Pipedream\'s makeRequest); not a word under another key', () => {
    assert.deepEqual(requests('endpoint-one-segment.mjs'), ['10 POST /contacts', '13 GET /admins', '16 PUT /contacts/{id}']);
  });

  test('Python: positional and keyword method and path; not a path Intercom does not serve', () => {
    assert.deepEqual(requests('method-argument.py'), [
      '15 POST /conversations/search',
      '18 GET /contacts/{id}',
      '21 DELETE /contacts/{id}/tags/{id}',
    ]);
  });

  test('JS/TS: an options object with method and path, and a method argument after the path', () => {
    assert.deepEqual(requests('method-argument.ts'), [
      '13 POST /contacts',
      '21 POST /conversations/{id}/reply',
      '25 POST /contacts/{id}/archive',
    ]);
  });

  test('Go: c.do(ctx, http.MethodPost, "/…"+id, body) and c.do(ctx, "GET", …)', () => {
    assert.deepEqual(requests('method-argument.go'), ['27 POST /conversations/{id}/reply', '31 GET /admins/{id}']);
  });

  test('JS/TS: request("GET", "/articles") and this.call("POST", "/contacts"); not an error helper or a log call handed the method and path', () => {
    assert.deepEqual(requests('error-helper.ts'), ['15 GET /articles', '25 POST /contacts']);
  });

  test('Python: self._request("GET", "/articles"); not an error helper (raise_api_error) or log.exception handed the method and path', () => {
    assert.deepEqual(requests('error-helper.py'), ['11 GET /articles']);
  });
});

suite('scopes scanner: a method beside a URL the scan finds', () => {
  test('a table of full Intercom URLs takes each entry\'s method key', () => {
    const text = [
      'export const endpoints = {',
      "  archive: { url: 'https://api.intercom.io/contacts/${id}/archive', operation: 'post' },",
      "  remove: { verb: 'DELETE', url: `https://api.intercom.io/tags/${tag}` },",
      '};',
    ].join('\n');
    assert.deepEqual(scanText('src/endpoints.ts', text).map((f) => f.kind !== 'webhook' && `${f.line} ${operationText(f.operation)} ${f.methodSeen}`), [
      '2 POST /contacts/{id}/archive true',
      '3 DELETE /tags/{id} true',
    ]);
  });
});

suite('scopes scanner: a long list of paths is read once', () => {
  test('twice the paths in one list, at most about twice the work', () => {
    const work = (count: number): number => {
      const text = `BASE = "https://api.intercom.io"\nPATHS = [${'"/contacts/search", '.repeat(count)}"POST"]\n`;
      const budget = new Budget();
      scanText('paths.py', text, budget);
      return budget.steps;
    };
    const small = work(1000);
    const large = work(2000);
    assert.ok(large <= 2.3 * small, `work went from ${small} to ${large} steps when the list doubled`);
  });
});
