import assert from 'node:assert/strict';
import { findingSubject, type Finding } from '../../../src/scopes/finding';
import { buildChecklist } from '../../../src/scopes/plan';
import { scanFiles, scanText } from '../../../src/scopes/scanner';

const subjects = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${findingSubject(f)}${f.kind !== 'webhook' && !f.methodSeen ? ' (assumed)' : ''}`);
const ruleIds = (f: Finding): string[] => (f.kind === 'webhook' ? [] : f.rules.map((r) => r.id));

suite('scopes scanner: what it claims', () => {
  test('the OAuth endpoints need no permission whatever the method, and raise no warning', () => {
    const guessed = scanText('a.js', "const TOKEN_URL = 'https://api.intercom.io/auth/eagle/token';\nexport default TOKEN_URL;");
    const seen = scanText('b.py', 'requests.get("https://api.intercom.io/auth/uninstall")');
    assert.deepEqual(subjects([...guessed, ...seen]), ['GET /auth/eagle/token (assumed)', 'GET /auth/uninstall']);
    assert.deepEqual([...guessed, ...seen].map((f) => f.kind !== 'webhook' && f.rules.map((r) => r.evidence)), [['no-scope'], ['no-scope']]);
    assert.deepEqual(buildChecklist({ capabilities: [], findings: [...guessed, ...seen] }).warnings, []);
  });

  test('a guessed method never matches a template through a literal segment', () => {
    const [search] = scanText('test_sync.py', 'import intercom\nmock_post.assert_called_with("https://api.intercom.io/contacts/search")');
    assert.deepEqual(subjects([search]), ['POST /contacts/search (assumed)'], 'the one operation that path names');
    assert.deepEqual(ruleIds(search), ['POST /contacts/search']);
    const [odd] = scanText('a.py', 'import intercom\nURL = "https://api.intercom.io/contacts/merged_into"');
    assert.deepEqual(ruleIds(odd), [], 'not GET /contacts/{id}');
    const [id] = scanText('a.py', 'import intercom\nURL = f"https://api.intercom.io/contacts/{contact_id}"');
    assert.deepEqual(ruleIds(id), ['GET /contacts/{id}'], 'an interpolated id still fills {id}');
    const [seen] = scanText('a.py', 'requests.get("https://api.intercom.io/contacts/search")');
    assert.deepEqual(subjects([seen]), ['GET /contacts/search'], 'a method the code shows is kept');
  });

  test('secrets in cited snippets are masked: bearer tokens, Authorization values, long base64 strings', () => {
    const token = 'dG9rOmE1YjJjM2Q0LWU1ZjYtNzg5MC1hYmNkLWVmMTIzNDU2Nzg5MDoxOjA=';
    const text = [
      `fetch('https://api.intercom.io/me', { headers: { Authorization: 'Bearer ${token}' } });`,
      "$ch = curl_init('https://api.intercom.io/tags'); $h = ['Authorization' => 'Basic dXNlcjpzM2NyZXQ='];",
      `const client = new IntercomClient({ token: '${token}' }); client.admins.list();`,
      "fetch('https://api.intercom.io/counts', { headers: { Authorization: `Bearer ${process.env.INTERCOM_TOKEN}` } });",
    ].join('\n');
    const snippets = scanText('a.js', text).map((f) => f.snippet);
    assert.equal(snippets.length, 4);
    for (const snippet of snippets) {
      assert.doesNotMatch(snippet, /dG9rOm|dXNlcjpzM2NyZXQ/, snippet);
    }
    assert.match(snippets[0], /Authorization: 'Bearer •+'/);
    assert.match(snippets[3], /Bearer \$\{process\.env\.INTERCOM_TOKEN\}/, 'no secret in an interpolation');
  });
});

suite('scopes scanner: files to check by hand', () => {
  test('files that import an Intercom SDK or name its host but gave no finding are listed', async () => {
    const files: Record<string, string> = {
      'src/found.ts': "import { IntercomClient } from 'intercom-client';\nconst client = new IntercomClient({ token });\nclient.contacts.create({ email });",
      'src/sdk-only.ts': "import { IntercomClient } from 'intercom-client';\nexport const make = (t: string) => new IntercomClient({ token: t });",
      'app/hosts.py': 'HOSTS = {"us": "https://api.intercom.io", "eu": "https://api.eu.intercom.io"}',
      'lib/worker.rb': "require 'intercom'\nIntercomWorker.perform_async(id)",
      'src/Support.php': "<?php\nuse Intercom\\IntercomClient;\n",
      'svc/client.go': 'import intercom "gopkg.in/intercom/intercom-go.v2"\n',
      'src/widget.ts': "// boots the Intercom messenger\nwindow.Intercom('boot', { app_id });",
      'src/docs.ts': '// see https://api.intercom.io/contacts in the docs',
    };
    const result = await scanFiles(Object.keys(files), async (f) => files[f]);
    assert.deepEqual(result.checkByHand, ['src/sdk-only.ts', 'app/hosts.py', 'lib/worker.rb', 'src/Support.php', 'svc/client.go']);
  });

  test('test code is not listed: its findings never count, so checking it by hand changes nothing', async () => {
    const files: Record<string, string> = {
      'src/connect.ts': "import { Client } from 'intercom-client';\nexport const connect = (token: string) => new Client({ token });",
      '__tests__/fixtures/recording.js': "nock('https://api.intercom.io').post('/contacts/search').reply(200, {});",
      'internal/leads/leads_test.go': 'import intercom "gopkg.in/intercom/intercom-go.v2"\n',
      'spec/support/intercom_stub.rb': "require 'intercom'\n",
    };
    const result = await scanFiles(Object.keys(files), async (f) => files[f]);
    assert.deepEqual(result.checkByHand, ['src/connect.ts']);
  });

  test('PHP: a namespace of the app\'s own that merely contains Intercom is not the SDK; \\Intercom\\… is', async () => {
    const files: Record<string, string> = {
      'src/Exceptions/ChannelFailed.php': "<?php\nnamespace NotificationChannels\\Intercom\\Exceptions;\n\nclass ChannelFailed extends \\Exception {}\n",
      'src/Provider.php': "<?php\nnamespace App\\Providers;\n\n$this->app->singleton(\\Intercom\\IntercomClient::class, fn () => make());\n",
    };
    const result = await scanFiles(Object.keys(files), async (f) => files[f]);
    assert.deepEqual(result.checkByHand, ['src/Provider.php']);
  });
});
