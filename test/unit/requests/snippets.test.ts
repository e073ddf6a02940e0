// Every snippet language, run for real against the fake Intercom where its interpreter is installed:
// the fake records the request and the test compares it with what was asked for. Without the
// interpreter, PHP and Go get a syntax check when php or gofmt exists; anything else is skipped visibly.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeIntercom, type RecordedRequest } from '../../fake-intercom';
import type { ApiCall } from '../../../src/api/call';
import { fillPath } from '../../../src/explorer/call';
import { prepareRequest, TOKEN_ENV_VAR, type PreparedRequest } from '../../../src/requests/request';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../../../src/requests/snippets';

const run = promisify(execFile);

/** Text that breaks naive quoting in one language or another. */
const AWKWARD = `it's "quoted" \\ back $HOME \`tick\` #{ruby} {{host}} %s <?php ?> 日本 😀\nsecond line`;

const WRITE: ApiCall = {
  method: 'POST',
  path: fillPath('/contacts/{contact_id}/notes', { contact_id: `a/b c'd` }),
  query: { email: 'h+1@hogwarts.example', note: AWKWARD },
  body: {
    body: AWKWARD,
    admin_id: 123,
    nested: { list: [1, 2.5, null, true, false, ''], empty: {}, none: [] },
    'odd key': 'x',
    // An own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype instead).
    ...JSON.parse('{"__proto__": "a plain key"}'),
  },
};

const READ: ApiCall = { method: 'GET', path: '/contacts', query: { per_page: '5' } };

/** Whether `command args` runs; `zero`: and exits 0 (a probe that tests a module or an extension). */
function has(command: string, args: string[], zero = true): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore' });
  return r.error === undefined && (!zero || r.status === 0);
}

/** Loopback only: a proxy from the environment must not carry the request elsewhere. */
function childEnv(token: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [TOKEN_ENV_VAR]: token, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
  for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) delete env[name];
  return env;
}

interface Way {
  /** What it needs, for the skip message. */
  needs: string;
  available(): boolean;
  command: string;
  args(file: string): string[];
  /** Runs the snippet against the fake; otherwise a syntax check only. */
  sends: boolean;
}

/** How each language's snippet is tried, best first: sent to the fake where it can run, else a syntax check. */
const WAYS: Readonly<Record<SnippetLanguage['id'], readonly Way[]>> = {
  curl: [{ needs: 'curl', available: () => has('curl', ['--version']), command: 'sh', args: (f) => [f], sends: true }],
  node: [{ needs: 'node', available: () => true, command: process.execPath, args: (f) => [f], sends: true }],
  python: [{ needs: 'python3 with requests (Debian: python3-requests)', available: () => has('python3', ['-c', 'import requests']), command: 'python3', args: (f) => [f], sends: true }],
  ruby: [
    { needs: 'ruby', available: () => has('ruby', ['--version']), command: 'ruby', args: (f) => [f], sends: true },
  ],
  php: [
    { needs: 'php with curl', available: () => has('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);']), command: 'php', args: (f) => [f], sends: true },
    { needs: 'php', available: () => has('php', ['--version']), command: 'php', args: (f) => ['-l', f], sends: false },
  ],
  go: [
    { needs: 'go', available: () => has('go', ['version']), command: 'go', args: (f) => ['run', f], sends: true },
    // -l lists the file when gofmt would change it: the snippet is also formatted as gofmt formats.
    { needs: 'gofmt', available: () => has('gofmt', ['-l', os.devNull]), command: 'gofmt', args: (f) => ['-l', '-e', f], sends: false },
  ],
};

/** File name extensions the interpreters accept (Node: .mjs, for top-level await). */
const EXTENSIONS: Readonly<Record<SnippetLanguage['id'], string>> = { curl: 'sh', node: 'mjs', python: 'py', ruby: 'rb', php: 'php', go: 'go' };

/** CI installs these (see .ci/run): there, a missing one fails instead of skipping. */
const REQUIRED = new Set<SnippetLanguage['id']>(['curl', 'node', 'python']);

function skipBecause(context: Mocha.Context, reason: string): never {
  console.log(`      skipped: ${reason}`);
  context.skip();
}

function assertRecorded(record: RecordedRequest, request: PreparedRequest, token: string): void {
  assert.equal(record.method, request.method);
  assert.equal(record.url, request.target, 'path and query, encoded the same way');
  assert.equal(record.headers.authorization, `Bearer ${token}`);
  assert.equal(record.headers['intercom-version'], request.version);
  assert.equal(record.headers.accept, 'application/json');
  if (request.body === undefined) {
    assert.equal(record.rawBody, '');
    assert.equal(record.headers['content-type'], undefined);
  } else {
    assert.match(String(record.headers['content-type']), /^application\/json\b/);
    assert.deepEqual(JSON.parse(record.rawBody), JSON.parse(request.body));
  }
}

suite('snippets: each language sends the request it shows', () => {
  let fake: FakeIntercom;
  let dir: string;
  suiteSetup(async () => {
    fake = await FakeIntercom.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-snippets-'));
  });
  setup(() => fake.reset());
  suiteTeardown(async () => {
    await fake?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const language of SNIPPET_LANGUAGES) {
    for (const [name, call, version] of [['a write with awkward text', WRITE, '2.16'], ['a read', READ, 'Preview']] as const) {
      test(`${language.label}: ${name}`, async function () {
        this.timeout(120_000); // `go run` compiles first
        const request = prepareRequest({ call, apiBase: fake.url, version });
        const text = language.write(request);
        assert.ok(text.includes(TOKEN_ENV_VAR), 'reads the token from the environment');
        const file = path.join(dir, `${language.id}-${call.method}.${EXTENSIONS[language.id]}`);
        fs.writeFileSync(file, text);
        const way = WAYS[language.id].find((w) => w.available());
        if (!way) {
          const missing = `${WAYS[language.id].map((w) => w.needs).join(' or ')} is not installed, so the ${language.label} snippet is not tried`;
          if (REQUIRED.has(language.id) && process.env.CI) assert.fail(`${missing}; CI installs it (.ci/run)`);
          skipBecause(this, missing);
        }
        const token = fake.addToken();
        const { stdout } = await run(way.command, way.args(file), { env: childEnv(token), timeout: 100_000 });
        if (!way.sends) {
          assert.equal(stdout.replace(/^No syntax errors detected in .*$/m, '').trim(), '', `${way.command} finds it well-formed`);
          return;
        }
        assert.equal(fake.requests.length, 1, 'one request reached the fake');
        assertRecorded(fake.requests[0], request, token);
      });
    }
  }

});
