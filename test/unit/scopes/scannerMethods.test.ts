import assert from 'node:assert/strict';
import { requests, unseen } from './patternScan';

suite('scopes scanner: the method of a call on a base URL held by another object', () => {
  test('Go net/http: http.Method* constants and "DELETE", on a field of the receiver; not another vendor\'s field', () => {
    assert.deepEqual(requests('method-constant.go'), [
      '23 POST /conversations',
      '27 POST /contacts/{id}/archive',
      '31 DELETE /contacts/{id}/tags/{id}',
      '35 POST /events',
    ]);
  });

  test('Go: a URL in a typed declaration (`NAME string = "…"`, in a const block, copied in a var block) sent with its method; not another vendor\'s', () => {
    assert.deepEqual(requests('typed-declaration.go'), ['8 POST /tags', '9 GET /contacts']);
  });

  test('JS/TS: this.intercomApi + …, settings.intercomBase + …, and a URL variable built from one', () => {
    assert.deepEqual(requests('receiver-base.ts'), [
      '10 POST /conversations/{id}/reply',
      '14 POST /tags',
      '18 GET /contacts/{id}',
    ]);
  });

  test('Python: self.intercom_api + …, and a URL variable built from it', () => {
    assert.deepEqual(requests('receiver-base.py'), ['11 POST /conversations/{id}/reply', '14 DELETE /contacts/{id}']);
  });
});

suite('scopes scanner: a URL handed to a function of the same file', () => {
  test('Python: as an argument at its position, as a parameter default, copied to another variable; not to another module', async () => {
    assert.deepEqual(requests('url-into-helper.py'), [
      '9 GET /admins',
      '18 GET /articles',
      '25 GET /conversations/{id}',
      '29 POST /contacts/{id}/tags',
      '33 GET /companies',
    ]);
    assert.deepEqual(await unseen('url-into-helper.py'), ['40 /contacts/{id}']);
  });

  test('JS/TS: as an argument at its position, as a parameter default, copied to another variable; not to another module', async () => {
    assert.deepEqual(requests('url-into-helper.ts'), [
      '10 GET /me',
      '16 POST /conversations/{id}/reply',
      '20 GET /admins/{id}',
      '23 GET /segments',
    ]);
    assert.deepEqual(await unseen('url-into-helper.ts'), ['29 /contacts/{id}']);
  });

  test('Go: as an argument, directly or through a variable; not to another package', async () => {
    assert.deepEqual(requests('url-into-helper.go'), ['22 POST /events', '26 POST /conversations/{id}/reply']);
    assert.deepEqual(await unseen('url-into-helper.go'), ['32 /contacts/{id}']);
  });
});

suite('scopes scanner: a URL variable assigned in each branch of an if/else', () => {
  test('PHP: the if branch\'s URL is posted too, not ended by the else branch\'s assignment; one assigned again after the if is', async () => {
    assert.deepEqual(requests('branch-url.php'), ['5 POST /users', '7 POST /contacts', '20 GET /segments']);
    assert.deepEqual(await unseen('branch-url.php'), ['14 /tags']);
  });

  test('Python: every branch of if/elif/else reaches the call after it; a URL assigned again after the if does not', async () => {
    assert.deepEqual(requests('branch-url.py'), ['7 POST /users', '9 POST /contacts', '11 POST /companies', '19 GET /segments']);
    assert.deepEqual(await unseen('branch-url.py'), ['16 /tags']);
  });
});

suite('scopes scanner: a function of the file named like a request call', () => {
  test('Python: a URL handed to a nested def request(url) is sent by what it calls (session.delete), not by a request()\'s GET; requests.request stays itself', () => {
    assert.deepEqual(requests('own-request-function.py'), ['8 DELETE /subscriptions/{id}', '17 GET /me']);
  });
});

suite('scopes scanner: a URL formatted from the base', () => {
  test('Python: \'{0}/users\'.format(self.base_url), \'{}/notes\'.format(BASE), a later placeholder an id; not a format of another name', () => {
    assert.deepEqual(requests('format-base.py'), ['12 POST /users', '16 DELETE /subscriptions/{id}', '20 POST /notes']);
  });
});

suite('scopes scanner: a URL variable copied with a query appended', () => {
  test('Python: url + "?" + …, f"{url}?…": the copy\'s call is the URL\'s', async () => {
    assert.deepEqual(requests('url-query-copy.py'), ['7 GET /companies', '13 GET /contacts']);
    assert.deepEqual(await unseen('url-query-copy.py'), []);
  });
});

suite('scopes scanner: a constant holding a full Intercom URL, sent again elsewhere in the file', () => {
  test('Python: the constant sent with another method by an HTTP client, and a longer URL built on it; not a map\'s delete, not after it is assigned again', () => {
    assert.deepEqual(requests('url-constant-reuse.py'), ['4 GET /contacts', '6 GET /tags', '16 POST /contacts', '21 PUT /contacts/{id}']);
  });

  test('JS: axios.post(CONSTANT, …) and `${CONSTANT}/${id}/reply`; not Set.delete(CONSTANT)', () => {
    assert.deepEqual(requests('url-constant-reuse.js'), ['3 GET /conversations', '7 POST /conversations', '8 POST /conversations/{id}/reply']);
  });
});
