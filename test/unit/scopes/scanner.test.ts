import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findingSubject, type Finding } from '../../../src/scopes/finding';
import { isBinary } from '../../../src/scopes/binary';
import { MAX_FILE_BYTES, scanFiles } from '../../../src/scopes/scanFiles';
import { isScannable, PREFILTER_PATTERNS, SCAN_EXCLUDE_GLOB, SCAN_INCLUDE_GLOB, scanText } from '../../../src/scopes/scanner';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/scopes');
const read = (rel: string): string => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

/** "line:column kind subject", with "(assumed)" when the method was not visible. */
function brief(f: Finding): string {
  const assumed = f.kind !== 'webhook' && !f.methodSeen ? ' (assumed)' : '';
  const query = f.kind !== 'webhook' && f.operation.query ? `?${new URLSearchParams(f.operation.query as Record<string, string>)}` : '';
  return `${f.line}:${f.column} ${f.kind} ${findingSubject(f)}${query}${assumed}`;
}

const scanFixture = (rel: string): string[] => scanText(rel, read(rel)).map(brief);

suite('scopes scanner: sample apps', () => {
  test('JS/TS: SDK calls, an axios client with Intercom\'s base, fetch, and webhook topics', () => {
    assert.deepEqual(scanFixture('js/intercom-app.ts'), [
      '17:23 sdk POST /contacts/search',
      '18:38 sdk POST /contacts',
      '23:9 sdk POST /conversations/{id}/reply',
      '27:26 rest GET /admins',
      '32:9 rest POST /contacts/{id}/tags',
      '36:27 rest GET /me',
      '41:15 rest POST /conversations/{id}/parts',
      '48:10 rest GET /teams',
      '52:9 rest DELETE /conversations/{id}?retain_metrics=false',
      '56:9 sdk POST /contacts/{id}/subscriptions',
      '60:29 rest GET /segments (assumed)',
      '64:10 webhook conversation.user.created',
      '65:10 webhook conversation.admin.replied',
      '67:10 webhook contact.user.created',
    ]);
  });

  test('Python: f-strings and concatenation on a base URL, the SDK, a URL variable used later', () => {
    assert.deepEqual(scanFixture('python/intercom_sync.py'), [
      '19:32 rest POST /contacts/search',
      '21:13 sdk POST /contacts',
      '26:19 rest POST /events',
      '30:12 rest GET /companies/{id}/contacts',
      '35:16 sdk GET /events',
      '47:18 webhook contact.lead.created',
      '47:42 webhook company.created',
      '49:19 webhook job.completed',
    ]);
  });

  test('Ruby: intercom-ruby, a Faraday connection on Intercom\'s base, Net::HTTP', () => {
    assert.deepEqual(scanFixture('ruby/intercom_worker.rb'), [
      '19:6 sdk POST /companies',
      '23:6 sdk GET /admins',
      '27:6 rest POST /contacts/{id}/archive',
      '31:6 rest GET /articles',
      '35:15 rest GET /counts',
      '50:8 webhook ticket.created',
      '50:26 webhook ticket.state.updated',
    ]);
  });

  test('PHP: Guzzle with base_uri, the old IntercomClient SDK, curl with a custom method', () => {
    assert.deepEqual(scanFixture('php/IntercomService.php'), [
      '25:28 rest POST /tickets',
      '31:44 rest GET /ticket_types',
      '36:16 sdk POST /conversations/{id}/reply',
      '41:25 rest PUT /data_attributes/{id}',
      '49:17 webhook conversation.admin.closed',
      '49:46 webhook contact.deleted',
      '49:65 webhook ticket.closed',
    ]);
  });

  test('Go: intercom-go, http.NewRequest on a base constant, fmt.Sprintf URLs', () => {
    assert.deepEqual(scanFixture('go/intercom.go'), [
      '26:11 sdk GET /users/{id}',
      '30:11 sdk POST /events',
      '34:63 rest POST /conversations/search',
      '43:21 rest DELETE /news/news_items/{id}',
      '56:7 webhook admin.away_mode_updated',
      '58:7 webhook content_snippet.updated',
    ]);
  });

  test('unrelated code in every language yields nothing', () => {
    for (const rel of ['js/unrelated.js', 'python/unrelated.py', 'ruby/unrelated.rb', 'php/unrelated.php', 'go/unrelated.go']) {
      assert.deepEqual(scanFixture(rel), [], rel);
    }
  });

  test('on a minified line the snippet is the part around the finding', () => {
    const line = `${'var a=1;'.repeat(600)}fetch('https://api.intercom.io/me');${'b=2;'.repeat(300)}`;
    const [found] = scanText('min.js', `// intercom\n${line}`);
    assert.equal(found.column, 4807, "at the opening quote");
    assert.ok(found.snippet.startsWith('…') && found.snippet.endsWith('…'), found.snippet);
    assert.ok(found.snippet.includes("fetch('https://api.intercom.io/me')"), found.snippet);
    assert.ok(found.snippet.length <= 122);
  });

  test('findings carry the rule, the call, the file and a snippet', () => {
    const [first] = scanText('src/x.ts', read('js/intercom-app.ts'));
    assert.equal(first.file, 'src/x.ts');
    assert.equal(first.snippet, "const found = await client.contacts.search({ query: { field: 'email', operator: '=', value: email } });");
    assert.ok(first.kind === 'sdk');
    assert.equal(first.call, 'contacts.search');
    assert.deepEqual(first.rules.map((r) => r.id), ['POST /contacts/search']);
  });

  test('a caller that reads no snippets gets the same findings with empty snippets', () => {
    const text = read('js/intercom-app.ts');
    const cited = scanText('src/x.ts', text);
    const bare = scanText('src/x.ts', text, undefined, undefined, { snippets: false });
    assert.ok(cited.length > 5 && cited.every((f) => f.snippet !== ''));
    assert.deepEqual(bare.map((f) => f.snippet), cited.map(() => ''));
    assert.deepEqual(bare, cited.map((f) => ({ ...f, snippet: '' })));
  });
});

suite('scopes scanner: what must not count', () => {
  test("the app's own routes are not Intercom calls, even in a file that uses Intercom", () => {
    const text = [
      "import { IntercomClient } from 'intercom-client';",
      "app.get('/contacts', list);",
      "router.post('/conversations/:id/reply', reply);",
      "@app.route('/tags')",
      "get '/admins' do end",
      "Route::get('/events', [E::class, 'index']);",
      'mux.HandleFunc("/teams", h)',
    ].join('\n');
    assert.deepEqual(scanText('a.ts', text), []);
  });

  test('an SDK-looking call counts only on an Intercom client', () => {
    const call = 'client.contacts.create({ email })';
    assert.deepEqual(scanText('a.js', call).map(brief), [], 'no Intercom marker in the file');
    assert.deepEqual(scanText('a.js', `// syncs with Intercom\n${call}`).map(brief), ['2:1 sdk POST /contacts']);
    const hubspot = "import { Client } from '@hubspot/api-client';\nimport x from 'intercom-client';\nconst client = new Client();\n" + call;
    assert.deepEqual(scanText('a.js', hubspot), [], 'constructed from a non-Intercom class');
    const imported = "import { Client } from 'intercom-client';\nconst client = new Client({ token });\n" + call;
    assert.deepEqual(scanText('a.js', imported).map(brief), ['3:1 sdk POST /contacts'], 'a class imported from intercom-client');
    assert.deepEqual(scanText('a.rb', "require 'intercom'\naccount.contacts.create(email: e)"), [], 'not a client-like receiver');
    assert.deepEqual(scanText('a.py', 'import intercom\nself.users.create(email=e)'), [], 'self is never the SDK');
  });

  test('an SDK call split over lines: the receiver, its call and the resource each on a line of their own', () => {
    const chained = 'const intercom = new IntercomClient({ token });\nawait intercom\n\n  .contacts\n  .list();\n';
    assert.deepEqual(scanText('a.ts', chained).map(brief), ['2:7 sdk GET /contacts']);
    const called = "import { getIntercom } from './intercom';\nawait getIntercom\n  ({ region: 'eu' })\n  .admins.me();\n";
    assert.deepEqual(scanText('a.ts', called).map(brief), ['2:7 sdk GET /me']);
    // A chain inside a call's `(…)` is part of the outer chain, which starts first: only the outer one is read.
    const nested = '// intercom\nwrap(client.contacts.list).tags.list();\nclient.contacts.create(c);\n';
    assert.deepEqual(scanText('a.ts', nested).map(brief), ['3:1 sdk POST /contacts']);
  });

  test('webhook topics: exact known strings only; two-part ones need an Intercom marker', () => {
    assert.deepEqual(scanText('a.js', "on('user.created'); on('conversation.user.created.v2'); on('x.conversation.user.created')"), []);
    assert.deepEqual(scanText('a.js', "on('conversation.user.created')").map(brief), ['1:4 webhook conversation.user.created']);
    assert.deepEqual(scanText('a.js', "on('ticket.created')"), [], 'generic without a marker');
    assert.deepEqual(scanText('a.js', "// Intercom webhooks\non('ticket.created')").map(brief), ['2:4 webhook ticket.created']);
    assert.deepEqual(scanText('a.js', '// conversation.user.created in a comment, no quotes'), []);
  });

  test('URLs of other hosts, look-alike hosts and unquoted mentions are ignored', () => {
    const text = [
      '// see https://api.intercom.io/contacts for the docs',
      "fetch('https://api.intercom.io.evil.example/contacts')",
      "fetch('https://app.intercom.com/a/apps')",
      "fetch('https://api.example.com/contacts')",
    ].join('\n');
    assert.deepEqual(scanText('a.js', text).map(brief), []);
  });

  test('a name containing "intercom" counts as a base only with a known API path', () => {
    assert.deepEqual(scanText('a.js', 'fetch(`${INTERCOM_API}/contacts/${id}`)').map(brief), ['1:7 rest GET /contacts/{id}']);
    assert.deepEqual(scanText('a.js', 'fetch(`${intercomWebsite}/pricing`)'), []);
    assert.deepEqual(scanText('a.js', "intercomConfig.get('token')"), []);
  });
});

suite('scopes scanner: method detection', () => {
  const methodOf = (file: string, text: string): string[] => scanText(file, `// intercom\n${text}`).map(brief);

  test('reads the method from the call, its options, or where the URL variable is used', () => {
    assert.deepEqual(methodOf('a.js', "axios.patch('https://api.intercom.io/data_connectors/1')"), ['2:13 rest PATCH /data_connectors/{id}']);
    assert.deepEqual(methodOf('a.js', "axios({ method: 'put', url: 'https://api.intercom.io/tickets/1' })"), ['2:29 rest PUT /tickets/{id}']);
    assert.deepEqual(methodOf('a.js', "axios({ url: 'https://api.intercom.io/tickets/1', method: 'put' })"), ['2:14 rest PUT /tickets/{id}']);
    assert.deepEqual(methodOf('a.py', 'requests.request("DELETE", "https://api.intercom.io/tags/1")'), ['2:28 rest DELETE /tags/{id}']);
    assert.deepEqual(methodOf('a.rb', "HTTParty.post 'https://api.intercom.io/events'"), ['2:15 rest POST /events']);
    assert.deepEqual(methodOf('a.go', 'http.Post("https://api.intercom.io/events", "application/json", b)'), ['2:11 rest POST /events']);
    assert.deepEqual(methodOf('a.php', "$ch = curl_init('https://api.intercom.io/events');\ncurl_setopt($ch, CURLOPT_POSTFIELDS, $b);"), ['2:17 rest POST /events']);
    assert.deepEqual(methodOf('a.js', "const u = 'https://api.intercom.io/tags';\nawait got.post(u);"), ['2:11 rest POST /tags']);
    assert.deepEqual(methodOf('a.js', "const u = 'https://api.intercom.io/me';\nexport default u;"), ['2:11 rest GET /me (assumed)']);
  });

  test('a helper named for its method (httpPOST, ajaxParamsGET, httpGet, apiDelete), jQuery\'s `type:` option, a URL in the options a method is given first; not a name that merely ends like one', () => {
    assert.deepEqual(methodOf('a.js', "httpPOST('https://api.intercom.io/tags', payload)"), ['2:10 rest POST /tags']);
    assert.deepEqual(methodOf('a.js', "ajaxParamsGET('https://api.intercom.io/admins')"), ['2:15 rest GET /admins']);
    assert.deepEqual(methodOf('a.js', "httpGet('https://api.intercom.io/admins')"), ['2:9 rest GET /admins']);
    assert.deepEqual(methodOf('a.ts', "apiDelete(`https://api.intercom.io/tags/${id}`)"), ['2:11 rest DELETE /tags/{id}']);
    assert.deepEqual(methodOf('a.js', "$.ajax({ type: 'POST', url: 'https://api.intercom.io/tags' })"), ['2:29 rest POST /tags']);
    assert.deepEqual(methodOf('a.js', "$.ajax({ url: 'https://api.intercom.io/tags', type: 'POST' })"), ['2:15 rest POST /tags']);
    // The options given first to a method's call: request.post({ url }), got.put({ headers, url }); not a logger's.
    assert.deepEqual(methodOf('a.js', "request.post({ url: 'https://api.intercom.io/tags', json: tag })"), ['2:21 rest POST /tags']);
    assert.deepEqual(methodOf('a.js', "got.put({ headers: h, url: `https://api.intercom.io/tickets/${id}` })"), ['2:28 rest PUT /tickets/{id}']);
    assert.deepEqual(methodOf('a.js', "log.info({ url: 'https://api.intercom.io/admins' })"), ['2:17 rest GET /admins (assumed)']);
    // Case matters: `cachePut` stores a response, `budget(` and `widget(` name no method; the method stays unseen.
    assert.deepEqual(methodOf('a.js', "cachePut('https://api.intercom.io/admins', body)"), ['2:10 rest GET /admins (assumed)']);
    assert.deepEqual(methodOf('a.js', "widget('https://api.intercom.io/admins')"), ['2:8 rest GET /admins (assumed)']);
    assert.deepEqual(methodOf('a.js', "$.ajax({ url: 'https://api.intercom.io/admins', type: 'json' })"), ['2:15 rest GET /admins (assumed)']);
  });

  test('follows a client built with a request() call and a method argument', () => {
    const text = "$client = new Client(['base_uri' => 'https://api.intercom.io']);\n$client->request('DELETE', \"/contacts/{$id}\");";
    assert.deepEqual(methodOf('a.php', text), ['3:1 rest DELETE /contacts/{id}']);
    const config = "const api = axios.create({ baseURL: 'https://api.intercom.io' });\napi.request({ method: 'post', url: '/messages' });";
    assert.deepEqual(methodOf('a.js', config), ['3:1 rest POST /messages']);
  });
});

suite('scopes scanner: files', () => {
  test('globs and filters agree on what is scanned', () => {
    assert.equal(SCAN_INCLUDE_GLOB, '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,py,rb,php,go,rake,module,inc}');
    assert.ok(SCAN_EXCLUDE_GLOB.startsWith('**/{node_modules,'));
    for (const dir of ['node_modules', '.git', 'dist', 'build', 'out', 'vendor', '.venv', '__pycache__', 'target', 'coverage']) {
      assert.ok(SCAN_EXCLUDE_GLOB.includes(`${dir},`) || SCAN_EXCLUDE_GLOB.includes(`,${dir}}`), dir);
      assert.equal(isScannable(`app/${dir}/x.js`), false, dir);
    }
    assert.equal(isScannable('src/a.ts'), true);
    assert.equal(isScannable('C:\\repo\\lib\\b.PY'), true);
    assert.equal(isScannable('README.md'), false);
    assert.equal(isScannable('dist.js'), true, 'only directories are skipped by name');
    assert.equal(isScannable('lib/a.constructor'), false, 'an extension named like an Object property is no language');
    assert.equal(isScannable('lib/b.__proto__'), false);
    assert.equal(PREFILTER_PATTERNS.length, 2);
  });

  test('a Rails task (.rake) is Ruby, a Drupal module (.module, .inc) PHP: their calls are found', () => {
    const task = "namespace :intercom do\n  task sync: :environment do\n    intercom = Intercom::Client.new(token: ENV['INTERCOM_TOKEN'])\n    intercom.companies.create(company_id: 1)\n  end\nend\n";
    assert.deepEqual(scanText('lib/tasks/intercom.rake', task).map((f) => `${f.line} ${f.kind !== 'webhook' ? f.operation.method + ' ' + f.operation.path : ''}`), ['4 POST /companies']);
    const module = "<?php\nfunction intercom_sync($user) {\n  $client = new IntercomClient(variable_get('intercom_token'));\n  $client->users->create(['email' => $user->mail]);\n}\n";
    assert.deepEqual(scanText('intercom.module', module).map((f) => `${f.line} ${f.kind !== 'webhook' ? f.operation.method + ' ' + f.operation.path : ''}`), ['4 POST /users']);
    for (const file of ['lib/tasks/intercom.rake', 'intercom.module', 'includes/intercom.inc']) assert.equal(isScannable(file), true, file);
  });

  test('binary means mostly control bytes or invalid UTF-8, not one NUL in a string literal', () => {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    assert.equal(isBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x00])), true, 'a zip header');
    assert.equal(isBinary(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), true, 'every byte value, like compressed data');
    assert.equal(isBinary(Uint8Array.from(Buffer.from('// intercom\nfetch(url)\n'.repeat(20), 'utf16le'))), true, 'UTF-16 text');
    assert.equal(isBinary(encode('plain text')), false);
    const withNul = "// intercom\nconst SEPARATOR = '\0';\nexport const split = (s: string) => s.split(SEPARATOR);\n";
    assert.equal(isBinary(encode(withNul)), false, 'a NUL inside a string literal');
    assert.equal(isBinary(withNul), false, 'the same as text');
    assert.equal(isBinary(Uint8Array.from(Buffer.from(`<?php\n// Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9\n${'echo $total;\n'.repeat(8)}`, 'latin1'))), false, 'Latin-1 accents');
  });

  test('scans through the read function, skipping binary, large, unreadable and excluded files', async () => {
    const files: Record<string, Uint8Array | string> = {
      'a.ts': "fetch('https://api.intercom.io/tags')",
      'b.py': new TextEncoder().encode('requests.get("https://api.intercom.io/admins")'),
      'nul.ts': new TextEncoder().encode("const SEP = '\0';\nfetch('https://api.intercom.io/me')"),
      'bin.js': new Uint8Array([1, 0, 2]),
      'big.js': 'x'.repeat(MAX_FILE_BYTES + 1),
      'node_modules/intercom-client/index.js': "fetch('https://api.intercom.io/contacts')",
    };
    const progress: number[] = [];
    const result = await scanFiles([...Object.keys(files), 'gone.rb'], async (f) => {
      if (!(f in files)) throw new Error('ENOENT');
      return files[f];
    }, { onProgress: (p) => progress.push(p.done), concurrency: 2 });
    assert.deepEqual(result.findings.map((f) => `${f.file} ${findingSubject(f)}`), ['a.ts GET /tags', 'b.py GET /admins', 'nul.ts GET /me']);
    assert.deepEqual(result.skipped, [
      { file: 'bin.js', reason: 'binary' },
      { file: 'big.js', reason: 'too-large' },
      { file: 'gone.rb', reason: 'unreadable' },
    ]);
    assert.equal(result.scanned, 3);
    assert.equal(result.cancelled, false);
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
  });

  test('skips a file sizeOf reports too large without reading it', async () => {
    const read: string[] = [];
    const result = await scanFiles(['a.js', 'b.js'], async (f) => (read.push(f), ''), { sizeOf: async (f) => (f === 'a.js' ? 10 : 5_000_000) });
    assert.deepEqual(read, ['a.js']);
    assert.deepEqual(result.skipped, [{ file: 'b.js', reason: 'too-large' }]);
  });

  test('stops when cancelled and says so', async () => {
    let reads = 0;
    const result = await scanFiles(['a.js', 'b.js', 'c.js', 'd.js'], async () => (reads++, "// intercom\nfetch('https://api.intercom.io/me')"), {
      isCancelled: () => reads >= 2,
      concurrency: 1,
    });
    assert.equal(result.cancelled, true);
    assert.equal(reads, 2);
    assert.deepEqual(result.findings.map((f) => f.file), ['a.js', 'b.js']);
  });
});
