import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { capabilitiesForFindings } from '../../../src/scopes/capabilities';
import { findingSubject, inTestCode, type Finding } from '../../../src/scopes/finding';
import { buildChecklist } from '../../../src/scopes/plan';
import { renderChecklist } from '../../../src/scopes/render';
import { requiredScopes } from '../../../src/scopes/requiredScopes';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { scanText } from '../../../src/scopes/scanner';

const subjects = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${findingSubject(f)}${f.kind !== 'webhook' && !f.methodSeen ? ' (assumed)' : ''}`);
const ruleIds = (f: Finding): string[] => (f.kind === 'webhook' ? [] : f.rules.map((r) => r.id));

suite('scopes scanner: what it claims', () => {
  test('the OAuth endpoints need no permission whatever the method, and raise no warning; POST, the one they take, is assumed', () => {
    const guessed = scanText('a.js', "const TOKEN_URL = 'https://api.intercom.io/auth/eagle/token';\nexport default TOKEN_URL;");
    const seen = scanText('b.py', 'requests.get("https://api.intercom.io/auth/uninstall")');
    assert.deepEqual(subjects([...guessed, ...seen]), ['POST /auth/eagle/token (assumed)', 'GET /auth/uninstall']);
    assert.deepEqual([...guessed, ...seen].map((f) => f.kind !== 'webhook' && f.rules.map((r) => r.evidence)), [['no-scope'], ['no-scope']]);
    assert.deepEqual(buildChecklist({ capabilities: [], findings: [...guessed, ...seen] }).warnings, []);
  });

  test('a guessed method never matches a template through a literal segment', () => {
    const [search] = scanText('test_sync.py', 'import intercom\nmock_post.assert_called_with("https://api.intercom.io/contacts/search")');
    assert.deepEqual(subjects([search]), ['POST /contacts/search (assumed)'], 'the one operation that path names');
    assert.deepEqual(ruleIds(search), ['POST /contacts/search']);
    const [odd] = scanText('a.py', 'import intercom\nURL = "https://api.intercom.io/contacts/merged_into"');
    assert.deepEqual(ruleIds(odd), [], 'not GET /contacts/{id}');
    const [id] = scanText('a.py', 'import intercom\nURL = f"https://api.intercom.io/admins/{admin_id}"');
    assert.deepEqual(ruleIds(id), ['GET /admins/{id}'], 'an interpolated id still fills {id}');
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

  test('a route of a file-based router in a folder named test serves that URL: its calls count; a test folder above the router is test code', async () => {
    const call = "export async function GET() { return fetch('https://api.intercom.io/me', { headers }); }\n";
    const files: Record<string, string> = {
      'app/api/intercom/test/route.ts': call,
      'pages/api/test/me.ts': call,
      'tests/fixtures/app/api/me/route.ts': call,
      'app/api/me/route.test.ts': call,
    };
    const result = await scanFiles(Object.keys(files), async (f) => files[f]);
    assert.deepEqual(result.findings.map((f) => `${f.file} ${inTestCode(f) ? 'test' : 'app'}`), [
      'app/api/intercom/test/route.ts app',
      'pages/api/test/me.ts app',
      'tests/fixtures/app/api/me/route.ts test',
      'app/api/me/route.test.ts test',
    ]);
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

suite('scopes scanner: a method the code does not show never ticks a permission', () => {
  const PATTERNS = path.resolve(__dirname, '../../../../test/fixtures/scopes/patterns');
  const scanPattern = (name: string) => scanFiles([`src/${name}`], (file) => fs.promises.readFile(path.join(PATTERNS, path.basename(file))));

  for (const [name, call, needs, decided, ticked] of [
    ['method-not-shown.go', '14 /conversations GET|POST', ['Read conversations', 'Write conversations'], '19 POST /contacts/search (assumed)', ['Read and list users and companies']],
    ['method-not-shown.ts', '6 /conversations/{id} GET|POST|PUT|DELETE', ['Read conversations', 'Write conversations'], '9 GET /me (assumed)', ['Read one admin']],
    ['method-not-shown.py', '8 /tags GET|POST', ['Read tags', 'Write tags'], '13 GET /admins (assumed)', ['Read admins']],
  ] as const) {
    test(`${name}: checked by hand with what each method needs, neither preselected nor ticked; where the path decides, a finding`, async () => {
      const result = await scanPattern(name);
      assert.deepEqual(result.unseenMethods.map((u) => `${u.line} ${u.target.path} ${u.methods.join('|')}`), [call]);
      assert.deepEqual(result.findings.map((f) => `${f.line} ${subjects([f])[0]}`), [decided]);
      assert.deepEqual(result.checkByHand, [], 'the file is not one where nothing was found');

      const capabilities = capabilitiesForFindings(result.findings);
      const checklist = buildChecklist({ capabilities, findings: result.findings, scan: result });
      assert.deepEqual(checklist.sections.flatMap((s) => s.items.map((i) => i.scope.label)), ticked);

      const md = renderChecklist(checklist, { link: (f) => `${f.file}#L${f.line}` });
      const listed = md.split('\n').find((l) => l.startsWith(`- [src/${name}:${call.split(' ')[0]}]`)) ?? '';
      assert.ok(md.indexOf('## Check these by hand') < md.indexOf(listed), md);
      for (const label of needs) assert.ok(listed.includes(`needs ${label} (inferred)`), listed);

      const tool = JSON.parse(JSON.stringify(requiredScopes(result, ['app']))) as {
        permissions: { permission: string }[]; checkByHand: { callsWhoseMethodDecides: { code: string; candidates: { needs: string }[] }[] };
      };
      assert.deepEqual(tool.permissions.map((p) => p.permission), ticked);
      const [unseen] = tool.checkByHand.callsWhoseMethodDecides;
      assert.equal(unseen.code, `src/${name}:${call.split(' ')[0]}`);
      assert.deepEqual([...new Set(unseen.candidates.map((c) => c.needs.replace(' (inferred)', '')))], needs);
    });
  }

  test('test code is left out of the calls to check, as its findings never count', async () => {
    const text = "import { send } from './transport';\nexport const tags = (method: string) => send(method, 'https://api.intercom.io/tags');\n";
    const result = await scanFiles(['test/tags.test.ts', 'src/tags.ts'], async () => text);
    assert.deepEqual(result.unseenMethods.map((u) => `${u.file}:${u.line}`), ['src/tags.ts:2']);
  });
});
