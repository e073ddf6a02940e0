import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findingSubject } from '../../../src/scopes/finding';
import { operationText } from '../../../src/scopes/operations';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { scanText } from '../../../src/scopes/scanner';
import { PATTERNS, requests } from './patternScan';

/** "line operation → the first permission that suffices" for each request finding of a pattern fixture. */
function permissions(name: string): string[] {
  return scanText(name, fs.readFileSync(path.join(PATTERNS, name), 'utf8')).flatMap((f) =>
    f.kind === 'webhook' ? [] : [`${f.line} ${operationText(f.operation)} → ${f.rules.map((r) => r.anyOf[0]).join(' + ')}`],
  );
}

suite('scopes scanner: a lookup of one user is not a listing', () => {
  test('Go: Users.FindByUserID and FindByEmail need one user; ListByTag lists', () => {
    assert.deepEqual(permissions('lookup.go'), [
      '9 GET /users?user_id={id} → Read one user and one company',
      '13 GET /users?email={id} → Read one user and one company',
      '17 GET /users → Read and list users and companies',
    ]);
  });

  test('PHP: getUsers([\'user_id\' => …]) and get(\'users\', array(\'email\' => …)) need one user; paging and a tag list', () => {
    assert.deepEqual(permissions('lookup.php'), [
      '17 GET /users?user_id={id} → Read one user and one company',
      '22 GET /users?email={id} → Read one user and one company',
      '27 GET /users?page={id}&per_page={id} → Read and list users and companies',
      '32 GET /users?tag_id={id} → Read and list users and companies',
    ]);
  });

  test('a URL built on the host\'s constant, then a map: the lookup\'s key is the query; a page or the client\'s options are not', () => {
    assert.deepEqual(permissions('lookup-on-base.php'), [
      '11 GET /users?user_id={id} → Read one user and one company',
      '16 GET /users → Read and list users and companies',
      '21 GET /users → Read and list users and companies',
    ]);
    assert.deepEqual(permissions('lookup-on-base.js'), [
      '8 GET /users?email={id} → Read one user and one company',
      '12 GET /users → Read and list users and companies',
    ]);
  });

  test('Python: an SDK finder given an email or the app\'s own user_id looks one user up; given an id, reads it; company_id looks a company up in 3.x, reads the record in 4.x and later', () => {
    assert.deepEqual(permissions('lookup-finder.py'), [
      '9 GET /users?email={id} → Read one user and one company',
      '13 GET /users?email={id} → Read one user and one company',
      '17 GET /users/{id} → Read one user and one company',
      '21 GET /users?user_id={id} → Read one user and one company',
      '25 GET /companies?company_id={id} → Read one user and one company',
    ]);
    assert.deepEqual(permissions('lookup-finder-v4.py'), ['9 GET /companies/{id} → Read one user and one company']);
    assert.deepEqual(permissions('lookup-finder-errors.py'), ['8 GET /companies?company_id={id} → Read one user and one company']);
  });

  test('Ruby: find(email: …), find(:email => …) and companies.find(company_id: …) look one record up; a bang method (a Zendesk collection\'s create!) and a predicate are no Intercom calls', () => {
    assert.deepEqual(permissions('lookup-finder.rb'), [
      '8 GET /users?email={id} → Read one user and one company',
      '9 GET /users?email={id} → Read one user and one company',
      '10 GET /companies/{id} → Read one user and one company',
      '11 GET /companies?company_id={id} → Read one user and one company',
    ]);
  });

  test('Ruby: a finder\'s key given without brackets (find :name => …, find user_id: …) looks one record up; find id: … reads it', () => {
    assert.deepEqual(permissions('lookup-bare.rb'), [
      '10 GET /companies?name={id} → Read one user and one company',
      '14 GET /users?user_id={id} → Read one user and one company',
      '18 GET /users/{id} → Read one user and one company',
    ]);
  });

  test('JS: find({ email }) and find({ user_id }) look one user up, find({ id }) reads it', () => {
    assert.deepEqual(permissions('lookup-finder.js'), [
      '7 GET /users?email={id} → Read one user and one company',
      '11 GET /users/{id} → Read one user and one company',
      '15 GET /users?user_id={id} → Read one user and one company',
    ]);
  });

  test('JS/TS: get(\'/users\', { params: { email } }) needs one user; paging lists', () => {
    assert.deepEqual(permissions('lookup.ts'), [
      '7 GET /users?email={id} → Read one user and one company',
      '11 GET /users?user_id={id} → Read one user and one company',
      '15 GET /users?page={id}&per_page={id} → Read and list users and companies',
    ]);
  });
});

suite('scopes scanner: a URL pattern is no request', () => {
  test('PHP: Http::fake([\'https://api.intercom.io/*\' => …]) is not one; the post beside it is', () => {
    assert.deepEqual(requests('http-fake-wildcard.php'), ['22 POST /events']);
  });
});

suite('scopes scanner: the OAuth consent page is no API call', () => {
  test('JS: a redirect to api.intercom.io/oauth, written whole or on a base, is not a request; the token exchange, GET /me and GET /admins are', () => {
    assert.deepEqual(requests('oauth-consent.js'), ['8 POST /auth/eagle/token', '10 GET /me', '23 GET /admins']);
  });
});

suite('scopes scanner: a response is not a client', () => {
  test('Python: r = requests.request(verb, host + path), then r.get(\'data\'): only the request handed to the helper', () => {
    assert.deepEqual(permissions('response-not-client.py'), ['12 POST /contacts/search → Read and list users and companies']);
  });

  test('Python: request = requests.get(host + entity).json(), then request.get(\'pages\'): no request for its keys; requests.get(url=…) is GET', () => {
    assert.deepEqual(permissions('response-decoded.py'), ['16 GET /tags → Read tags']);
  });
});

suite('scopes scanner: the intercom-client release line a constructor shows', () => {
  test('2.x (Client({ token })), 3–5 (tokenAuth) and 6+ (IntercomClient) each send their own request for one name', () => {
    assert.deepEqual(requests('sdk-line-v2.js'), ['7 POST /companies', '8 GET /companies', '11 GET /companies?company_id={id}'], '2.x finds by the app\'s own company_id on the listing');
    assert.deepEqual(requests('sdk-line-v5.js'), ['8 PUT /companies/{id}', '9 GET /companies', '10 GET /contacts/{id}']);
    assert.deepEqual(requests('sdk-line-v7.ts'), ['6 PUT /companies/{id}', '7 POST /companies/list']);
  });
});

suite('scopes scanner: a client of another library under the name of Intercom\'s', () => {
  test('JS: Twilio\'s client assigned in a callback shadows Intercom\'s there, not in the next function', () => {
    assert.deepEqual(requests('shadowed-client.js'), ['8 GET /users/{id}', '15 POST /messages']);
  });

  test('JS: a client made by calling what require(\'twilio\') exports is Twilio\'s, in a file naming Intercom', () => {
    assert.deepEqual(requests('required-client.js'), []);
  });
});

suite('scopes scanner: an SDK call no table knows is listed, not dropped', () => {
  /** "file:line call" for each unknown SDK call, and "line subject" for each finding, of one pattern fixture. */
  async function scanPattern(name: string): Promise<{ unknown: string[]; found: string[] }> {
    const result = await scanFiles([name], (file) => fs.promises.readFile(path.join(PATTERNS, file)));
    return {
      unknown: result.unknownCalls.map((c) => `${c.file}:${c.line} ${c.call} ${c.snippet}`),
      found: result.findings.map((f) => `${f.line} ${findingSubject(f)}`),
    };
  }

  test('JS: not a collection\'s own find handed an arrow function (page.tickets.find((t) => …), client.contacts.find(c => …)); find({ id }) is found', async () => {
    assert.deepEqual(await scanPattern('collection-find.js'), { unknown: [], found: ['7 POST /tickets/search', '10 GET /contacts/{id}'] });
  });

  test('JS/TS: a called unknown method on the client; not a property, not another object', async () => {
    assert.deepEqual(await scanPattern('unknown-method.ts'), {
      unknown: ['unknown-method.ts:7 contacts.scheduleArchive await intercom.contacts.scheduleArchive({ contactId: id });'],
      found: ['8 POST /contacts/{id}/archive'],
    });
  });

  test('an SDK method assigned a stand-in or read as a property is no request; called there, through a member or by what it is handed to, it is', async () => {
    assert.deepEqual((await scanPattern('method-not-called.py')).found, ['8 GET /admins/{id}']);
    assert.deepEqual((await scanPattern('method-not-called.js')).found, ['5 GET /users/scroll', '6 POST /users']);
  });

  test('Python: a member holding Intercom\'s base (self.base_url) is that class\'s; the same member of a Zendesk or Freshdesk class beside it is not', async () => {
    assert.deepEqual((await scanPattern('member-base-per-class.py')).found, ['21 GET /conversations/{id}']);
  });

  test('JS: a module required beside the SDK (slack = require(\'./lib/slack-web-client\')) is not Intercom\'s client for being required', async () => {
    assert.deepEqual(await scanPattern('required-modules.js'), {
      unknown: [],
      found: ['11 POST /users'],
    });
  });

  test('Python: a door intercom\'s client named `intercom`, built by its own class, is that class\'s', async () => {
    assert.deepEqual(await scanPattern('door-intercom.py'), { unknown: [], found: [] });
  });

  test('JS/TS: a client named for another library the file imports (stripeClient, getStripeClient()) is not listed nor found; one named for nothing is', async () => {
    assert.deepEqual(await scanPattern('other-library-client.ts'), {
      unknown: [],
      found: ['9 POST /events', '14 GET /contacts'],
    });
  });

  test('Python: a client named for another service (stripe_client, ai_client) or held by one (self.ai_client.client) is that service\'s, in a file that imports a module naming Intercom\'s host', async () => {
    const files: Record<string, string> = {
      'config/settings.py': 'class Settings:\n    intercom_base_url = "https://api.intercom.io"\n\nsettings = Settings()\n',
      'agent.py': fs.readFileSync(path.join(PATTERNS, 'other-client-member.py'), 'utf8'),
    };
    const result = await scanFiles(Object.keys(files), async (file) => files[file]);
    assert.deepEqual(result.findings.filter((f) => f.file === 'agent.py').map((f) => `${f.line} ${findingSubject(f)}`), ['17 POST /contacts', '18 GET /tags', '19 GET /admins']);
  });

  test('JS/TS: listed on Intercom\'s client, not on a receiver only named `client` (Slack Bolt\'s client.users.info), not an array\'s filter', async () => {
    assert.deepEqual(await scanPattern('unknown-method-generic-client.ts'), {
      unknown: ['unknown-method-generic-client.ts:12 contacts.scheduleArchive await intercom.contacts.scheduleArchive({ contactId: person.user?.id ?? \'\' });'],
      found: [],
    });
  });

  test('Go: Users.FindByNickname beside a known lookup', async () => {
    assert.deepEqual(await scanPattern('unknown-method.go'), {
      unknown: ['unknown-method.go:10 Users.FindByNickname return ic.Users.FindByNickname(nick)'],
      found: ['9 GET /users'],
    });
  });

  test('PHP: conversations->snoozeAll on the client; not on a repository', async () => {
    assert.deepEqual(await scanPattern('unknown-method.php'), {
      unknown: ["unknown-method.php:7 conversations.snoozeAll $intercom->conversations->snoozeAll(['admin_id' => 7]);"],
      found: ['8 GET /conversations'],
    });
  });

  test('test code is left out, as its findings never count', async () => {
    const text = "import { IntercomClient } from 'intercom-client';\nconst intercom = new IntercomClient({ token: '' });\nintercom.contacts.scheduleArchive({});\n";
    const result = await scanFiles(['test/archive.test.ts', 'src/archive.ts'], async () => text);
    assert.deepEqual(result.unknownCalls.map((c) => `${c.file}:${c.line}`), ['src/archive.ts:3']);
  });
});

suite('scopes scanner: calls in commented-out code are not cited', () => {
  /** "line subject" for each finding of a pattern fixture. */
  const found = (name: string): string[] =>
    scanText(name, fs.readFileSync(path.join(PATTERNS, name), 'utf8')).map((f) => `${f.line} ${findingSubject(f)}`);

  test('JS/TS: line and block comments; a URL, a template with `/*` and a regex with `//` stay code', () => {
    assert.deepEqual(found('commented.ts'), ['5 GET /admins', '8 POST /contacts/{id}/archive', '13 GET /tags']);
  });

  test('Python: # comments; a URL with `#` stays a string', () => {
    assert.deepEqual(found('commented.py'), ['6 GET /admins', '9 GET /users/{id}', '12 GET /tags']);
  });

  test('Ruby: # comments and =begin/=end; `#` inside a string stays code', () => {
    assert.deepEqual(found('commented.rb'), ['5 GET /admins', '8 GET /contacts/{id}', '13 GET /tags']);
  });

  test('PHP: //, # and /* */ comments; a string with `/*` stays code', () => {
    assert.deepEqual(found('commented.php'), ['7 GET /admins', '9 GET /contacts/{id}', '13 GET /tags']);
  });

  test('Go: // and /* */ comments; a raw string with `/*` stays code', () => {
    assert.deepEqual(found('commented.go'), ['8 GET /admins', '11 GET /contacts/{id}', '14 GET /tags']);
  });
});

suite('scopes scanner: one-word paths handed to a helper that appends them to Intercom\'s base URL', () => {
  test('JS/TS: through a paginator to its fetcher, with the fetcher\'s method; not a path Intercom does not serve', () => {
    assert.deepEqual(requests('helper-path.ts'), [
      '20 GET /admins', '21 GET /teams', '22 GET /articles', '23 POST /conversations',
    ]);
  });

  test('Python: a module function and the helper over it', () => {
    assert.deepEqual(requests('helper-path.py'), ['15 GET /admins', '16 GET /tags']);
  });

  test('JS: `${config.intercom.apiBaseUrl}${path}` with the method its callers show, and a copy of the setting; not the token beside it, not a link into the web app', () => {
    assert.deepEqual(requests('helper-path-settings.js'), [
      '15 POST /conversations/{id}/reply', '16 PUT /contacts/{id}', '17 GET /conversations?order=desc', '21 GET /articles?page=1',
    ]);
  });

  test('not on another vendor\'s base URL, in a file that also calls Intercom', () => {
    assert.deepEqual(requests('helper-path-other-vendor.ts'), ['14 GET /me']);
  });
});

suite('scopes scanner: TypeScript type arguments', () => {
  test('the method of axios.get<T>(…) and axios.post<A<B>>(…) is seen, not assumed', () => {
    const text = [
      "const base = 'https://api.intercom.io';",
      'const me = await axios.get<Me>(`${base}/me`);',
      'const found = await axios.post<Page<Contact>>(`${base}/contacts/search`, { query });',
    ].join('\n');
    assert.deepEqual(scanText('src/me.ts', text).map((f) => `${f.line} ${findingSubject(f)} ${f.kind !== 'webhook' && f.methodSeen}`), [
      '2 GET /me true',
      '3 POST /contacts/search true',
    ]);
  });
});
