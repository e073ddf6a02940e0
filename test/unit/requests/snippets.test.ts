// Every snippet language, run for real against the fake Intercom where its interpreter is installed:
// the fake records the request and the test compares it with what was asked for. Languages without
// an interpreter here get a syntax check when the tool exists, and are skipped visibly otherwise.
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

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Loopback only: a proxy from the environment must not carry the request elsewhere. */
function childEnv(token: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [TOKEN_ENV_VAR]: token, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
  for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) delete env[name];
  return env;
}

interface Runner {
  /** Why it cannot run here, or undefined. */
  missing(): string | undefined;
  command(file: string): [string, string[]];
}

/** Runners that send the request. CI installs these (see .ci/run), so there a missing one fails. */
const RUNNERS: Partial<Record<SnippetLanguage['id'], Runner>> = {
  curl: { missing: () => (has('curl', ['--version']) ? undefined : 'curl is not installed'), command: (f) => ['sh', [f]] },
  node: { missing: () => undefined, command: (f) => [process.execPath, [f]] },
  python: {
    missing: () => (has('python3', ['-c', 'import requests']) ? undefined : 'python3 with requests is not installed (Debian: python3-requests)'),
    command: (f) => ['python3', [f]],
  },
};

/** Syntax checks for the languages this machine cannot be expected to run. */
const CHECKERS: Partial<Record<SnippetLanguage['id'], { tool: string; probe: string[]; check: (file: string) => string[] }>> = {
  ruby: { tool: 'ruby', probe: ['--version'], check: (f) => ['-c', f] },
  php: { tool: 'php', probe: ['--version'], check: (f) => ['-l', f] },
  go: { tool: 'gofmt', probe: ['-h'], check: (f) => ['-e', f] },
};

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
    const runner = RUNNERS[language.id];
    const checker = CHECKERS[language.id];
    for (const [name, call, version] of [['a write with awkward text', WRITE, '2.16'], ['a read', READ, 'Preview']] as const) {
      test(`${language.label}: ${name}`, async function () {
        const request = prepareRequest({ call, apiBase: fake.url, version });
        const text = language.write(request);
        assert.ok(text.includes(TOKEN_ENV_VAR), 'reads the token from the environment');
        const file = path.join(dir, `${language.id}-${call.method}.${language.extension}`);
        fs.writeFileSync(file, text);
        if (runner) {
          const missing = runner.missing();
          if (missing && process.env.CI) assert.fail(`${missing}; CI installs it (.ci/run)`);
          if (missing) skipBecause(this, missing);
          const token = fake.addToken();
          const [command, args] = runner.command(file);
          await run(command, args, { env: childEnv(token), timeout: 15_000 });
          assert.equal(fake.requests.length, 1, 'one request reached the fake');
          assertRecorded(fake.requests[0], request, token);
          return;
        }
        assert.ok(checker, `${language.id} has a runner or a syntax check`);
        if (!has(checker.tool, checker.probe)) skipBecause(this, `${checker.tool} is not installed, so the ${language.label} snippet is not checked`);
        await run(checker.tool, checker.check(file), { timeout: 15_000 });
      });
    }
  }
});
