import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findingSubject } from '../../../src/scopes/finding';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { scanText } from '../../../src/scopes/scanner';

const PATTERNS = path.resolve(__dirname, '../../../../test/fixtures/scopes/patterns');

/** "line subject via call" for each finding of a pattern fixture. */
function scan(name: string): string[] {
  return scanText(name, fs.readFileSync(path.join(PATTERNS, name), 'utf8')).map(
    (f) => `${f.line} ${findingSubject(f)}${f.kind === 'sdk' ? ` via ${f.call}` : ''}`,
  );
}

suite('scopes scanner: clients from factories and calls as receivers', () => {
  test('JS/TS: a client from connect(), intercomClient() and getIntercom(); not a database or another vendor', () => {
    assert.deepEqual(scan('factory.ts'), [
      '13 POST /contacts via contacts.create',
      '21 POST /conversations via conversations.create',
      '22 GET /admins/{id} via admins.find',
    ]);
  });

  test('the SDK\'s class named in an import list spanning lines (JS/TS `import {⏎ Client,⏎ } from`, Python `import (⏎ Client,⏎ )`); not the same name from another library\'s', () => {
    assert.deepEqual(scan('multiline-import.ts'), ['23 GET /admins via admins.list']);
    assert.deepEqual(scan('multiline-import.py'), ['7 POST /users via users.create']);
  });

  test('Python: a client from make_client(), get_intercom() as receiver; not a MongoClient or database()', () => {
    assert.deepEqual(scan('factory.py'), ['12 POST /contacts via contacts.create', '15 GET /admins/{id} via admins.find']);
  });

  test('Ruby: a client from build_client(), intercom_client() as receiver; not a Redis connection', () => {
    assert.deepEqual(scan('factory.rb'), ['10 POST /contacts via contacts.create', '13 GET /conversations/{id} via conversations.find']);
  });

  test('PHP: a client from connectToSupport(), getIntercom() as receiver; not a repository', () => {
    assert.deepEqual(scan('factory.php'), ['14 POST /contacts via contacts.create', '17 GET /admins/{id} via admins.getAdmin']);
  });

  test('Go: a client from connect(), getIntercom() as receiver; not a store', () => {
    assert.deepEqual(scan('factory.go'), ['14 POST /contacts via Contacts.Create', '17 GET /admins via Admins.List']);
  });
});

suite('scopes scanner: a base URL written on the line after its `=`', () => {
  test('JS/TS: the constant a formatter wrapped is the base of the URLs built on it; a wrapped comparison binds nothing', () => {
    assert.deepEqual(scan('base-wrapped.ts'), ['9 POST /contacts/search']);
  });
});

suite('scopes scanner: a base URL ending in a slash', () => {
  test('Python: the resource written after it without one (+ and f-string); not a word that is no API resource', () => {
    assert.deepEqual(scan('base-trailing-slash.py'), ['9 GET /conversations/{id}', '13 GET /admins/{id}']);
  });
});

suite('scopes scanner: a base URL chosen by region', () => {
  test('JS/TS: each branch of a conditional binds the name (wrapped onto its own lines too), and a config\'s member holding the host; a comparison and another vendor\'s member do not', () => {
    assert.deepEqual(scan('base-by-region.ts'), ['13 POST /contacts', '14 POST /events', '15 POST /tags']);
  });
});

suite('scopes scanner: a URL variable assigned again', () => {
  // Python's read goes through fetch_json, a function of the same file that shows its GET; the others' through another
  // module's, so their method stays unseen and they are left to check by hand.
  for (const [name, read, reply] of [
    ['reassigned-url.py', 13, 18],
    ['reassigned-url.ts', 7, 12],
    ['reassigned-url.rb', 5, 10],
    ['reassigned-url.php', 6, 12],
    ['reassigned-url.go', 10, 15],
  ] as const) {
    test(`${name}: the read keeps its own method, not the next function's POST`, async () => {
      const result = await scanFiles([name], (file) => fs.promises.readFile(path.join(PATTERNS, file)));
      const found = result.findings.map((f) => `${f.line} ${findingSubject(f)}${f.kind !== 'webhook' && !f.methodSeen ? ' (assumed)' : ''}`);
      const unseen = result.unseenMethods.map((u) => `${u.line} ${u.target.path} (to check by hand)`);
      const readLine = name.endsWith('.py') ? `${read} GET /conversations/{id}` : `${read} /conversations/{id} (to check by hand)`;
      assert.deepEqual([...found, ...unseen].sort(), [readLine, `${reply} POST /conversations/{id}/reply`].sort());
    });
  }
});

suite('scopes scanner: a class built on Intercom\'s base URL, by its parent\'s constructor or its own declaration', () => {
  const calls = (name: string): string[] =>
    scanText(name, fs.readFileSync(path.join(PATTERNS, name), 'utf8')).map(
      (f) => `${f.line} ${findingSubject(f)}${f.kind !== 'webhook' && !f.methodSeen ? ' (assumed)' : ''}`,
    );

  test('JS/TS: super(host) makes this.get, ${this.baseUrl}/… and bare API paths Intercom requests; not the next class', () => {
    assert.deepEqual(calls('base-class.ts'), ['12 GET /me', '16 GET /admins/{id}', '20 POST /conversations/search (assumed)']);
  });

  test('Python: super().__init__(base_url=host) makes self.get, self.base_url + … and bare API paths count; not the next class', () => {
    assert.deepEqual(calls('base-class.py'), ['12 GET /me', '15 GET /tags', '18 POST /contacts/search (assumed)']);
  });

  test('PHP: parent::__construct(host) makes $this->get, {$this->baseUrl}/… and bare API paths count; not the next class', () => {
    assert.deepEqual(calls('base-class.php'), ['15 GET /me', '20 GET /companies/{id}', '25 POST /tickets/search (assumed)']);
  });

  test('Ruby: HTTParty\'s base_uri makes self.class.get and self.class.post Intercom requests; not the next class', () => {
    assert.deepEqual(calls('base-class.rb'), ['10 GET /conversations/{id}', '14 POST /conversations/{id}/reply']);
  });

  test('JS: axios made Intercom\'s client by axios.defaults.baseURL sends its relative paths there; not a URL with its own host', () => {
    assert.deepEqual(calls('client-defaults.js'), ['8 POST /contacts/search', '15 GET /admins']);
  });

  test('JS: an arrow helper handing its path (through a copy) to Intercom\'s client: the paths given to it, with its method; not another vendor\'s client', () => {
    assert.deepEqual(calls('helper-client-param.js'), ['20 GET /contacts', '21 GET /companies']);
  });

  test('Python: a helper handing its path to Intercom\'s client: the paths given to it; not another vendor\'s client', () => {
    assert.deepEqual(calls('helper-client-param.py'), ['17 GET /admins']);
  });

  test('Python: a client keeping the base a method returns (return "https://api.intercom.io"): the paths its get and post are handed; not a dict\'s get of a key', () => {
    assert.deepEqual(calls('returned-base.py'), ['27 GET /me', '28 POST /conversations/{id}/reply']);
  });

  test('Python: the verb a helper hands on with the path (_request("POST", endpoint) in _post) is the method of the paths given to it, whatever branch comes first below', () => {
    assert.deepEqual(calls('verb-helpers.py'), ['28 POST /conversations/search', '31 GET /admins']);
  });

  test('Python: a path assigned to a local just before it is handed to the helper (endpoint = "conversations"), as a literal handed there', () => {
    assert.deepEqual(calls('path-in-local.py'), ['17 GET /conversations', '23 GET /contacts']);
  });

  test('Python: an f-string path handed to such a helper, as a plain one', () => {
    assert.deepEqual(calls('helper-fstring.py'), ['16 GET /articles', '19 GET /articles/{id}']);
  });

  test('PHP: a helper appending its path to the endpoint property (`$this->endpoint . $path`, WordPress\'s wp_remote_get): the paths given to it, one with an id appended; not the same-named helper of another class', () => {
    assert.deepEqual(calls('helper-base-concat.php'), ['7 GET /admins', '11 GET /segments/{id}']);
  });

  test('JS: a helper appending its path to Intercom\'s base with `+`; not another vendor\'s base', () => {
    assert.deepEqual(calls('helper-base-concat.js'), ['14 GET /tags']);
  });

  test('JS/TS: a helper given the method after the path: one request per call, with the method passed, not also the default\'s', () => {
    assert.deepEqual(calls('helper-method-argument.ts'), ['13 GET /admins', '14 POST /articles', '15 PUT /tickets/{id}', '16 DELETE /articles/{id}']);
  });

  test('a helper appending its path to the host its own literal writes (#{path}, ${path}, + path, f"{path}"), with its method', () => {
    assert.deepEqual(calls('helper-inline-host.rb'), ['10 GET /me', '14 GET /admins']);
    assert.deepEqual(calls('helper-inline-host.js'), ['10 GET /me', '11 POST /events']);
    assert.deepEqual(calls('helper-inline-host.py'), ['6 GET /me']);
  });

  test('TS: a client on Intercom\'s host given its options first: the url among them, with the method called; not options without one', () => {
    assert.deepEqual(calls('options-url.ts'), ['5 GET /me', '6 POST /contacts']);
  });

  test('TS: a client\'s calls given type arguments (`intercom.get<Tag[]>(…)`, nested too); not another vendor\'s client', () => {
    assert.deepEqual(calls('client-type-arguments.ts'), ['8 GET /tags', '10 POST /contacts/{id}/tags', '11 GET /contacts', '12 DELETE /contacts/{id}/tags/{id}']);
  });

  test('TS: helpers whose type parameters\' defaults nest, called with and without type arguments (nested too)', () => {
    assert.deepEqual(calls('helper-generic.ts'), ['15 GET /tags', '16 GET /admins', '17 POST /tags']);
  });

  test('a client made on a base URL a constant holds (httpx.AsyncClient(base_url=INTERCOM_BASE_URL), axios.create({ baseURL: BASE })); not one on another host\'s', () => {
    assert.deepEqual(calls('client-on-base-name.py'), ['19 POST /conversations/{id}/reply']);
    assert.deepEqual(calls('client-on-base-name.ts'), ['7 GET /teams']);
  });

  test('bare API-like paths in a file that never names Intercom are not Intercom requests', () => {
    assert.deepEqual(calls('bare-path-other-vendor.ts'), []);
  });
});
