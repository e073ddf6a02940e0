import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findingSubject } from '../../../src/scopes/finding';
import { scanFiles } from '../../../src/scopes/scanFiles';

const PROJECT = path.resolve(__dirname, '../../../../test/fixtures/scopes/project');

async function scanProject(dir: string) {
  const files = fs.readdirSync(path.join(PROJECT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(PROJECT, dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const result = await scanFiles(files, async (f) => fs.readFileSync(path.join(PROJECT, dir, f)));
  return { found: result.findings.map((f) => `${f.file}:${f.line} ${findingSubject(f)}`), checkByHand: result.checkByHand };
}

suite('scopes scanner: wrappers in another file (one hop through project imports)', () => {
  test('JS/TS: this.client and an imported client of a module with Intercom\'s base URL; not a billing client', async () => {
    assert.deepEqual(await scanProject('web'), {
      found: ['src/services/people.ts:8 POST /contacts/search', 'src/services/people.ts:13 GET /contacts/{id}/notes'],
      checkByHand: ['src/support/http.ts'],
    });
  });

  test('Python: self.http from a relative import of a desk client; not the app\'s own test client in a test that imports that module', async () => {
    assert.deepEqual(await scanProject('py'), { found: ['app/sync.py:10 POST /events'], checkByHand: ['app/support/client.py'] });
  });

  test('Ruby: @client from a require_relative\'d Faraday connection', async () => {
    assert.deepEqual(await scanProject('rb'), { found: ['lib/tagger.rb:10 POST /contacts/{id}/tags'], checkByHand: ['lib/desk_client.rb'] });
  });

  test('PHP: $this->http from a class used by namespace', async () => {
    assert.deepEqual(await scanProject('php'), { found: ['src/Sync/CompanySync.php:18 POST /companies'], checkByHand: ['src/Support/Http.php'] });
  });

  test('PHP: a class of the package itself, by its namespace mapped to src/ (PSR-4: Acme\\Intercom\\IntercomClient is src/IntercomClient.php); not another package\'s Client', async () => {
    assert.deepEqual(await scanProject('psr4-php'), { found: ['src/Resources/Tags.php:13 GET /tags'], checkByHand: ['src/IntercomClient.php'] });
  });

  test('Go: a field of a package imported by path', async () => {
    assert.deepEqual(await scanProject('go'), { found: ['internal/sync/admins.go:10 PUT /admins/{id}/away'], checkByHand: ['internal/helpdesk/client.go'] });
  });
});

suite('scopes scanner: an imported Intercom wrapper kept in a field of the object that makes it', () => {
  test('JS: this.request = new IntercomRequest(token), then this.request.get(…); not the billing wrapper beside it', async () => {
    assert.deepEqual((await scanProject('field-web')).found, ['src/client.js:11 GET /tags', 'src/client.js:12 POST /contacts/{id}/tags']);
  });

  test('Python: self.desk = DeskApi(token), then self.desk.post(…)', async () => {
    assert.deepEqual((await scanProject('field-py')).found, ['app/sync.py:10 POST /events']);
  });

  test('PHP: $this->desk = new Desk($token), then $this->desk->post(…)', async () => {
    assert.deepEqual((await scanProject('field-php')).found, ['src/Sync/NoteSync.php:18 POST /contacts/{id}/notes']);
  });
});

suite('scopes scanner: a wrapper whose client the Intercom module passes in', () => {
  test('JS/TS: new Contacts(client) with an intercom-client Client; not a ledger given the billing client', async () => {
    assert.deepEqual(await scanProject('injected-web'), {
      found: ['src/desk/contacts.ts:6 POST /contacts/search', 'src/desk/contacts.ts:10 DELETE /contacts/{id}/tags/{id}'],
      checkByHand: ['src/desk.ts'],
    });
  });

  test('Python: Contacts(client) with an httpx client on Intercom\'s base URL; not a ledger given the billing client', async () => {
    assert.deepEqual(await scanProject('injected-py'), { found: ['app/wrappers/contacts.py:8 POST /contacts/{id}/archive'], checkByHand: ['app/desk.py'] });
  });

  test('PHP: new Contacts($client) with an IntercomClient; not a ledger given the billing client', async () => {
    assert.deepEqual(await scanProject('injected-php'), { found: ['src/Desk/Contacts.php:13 POST /contacts/{id}/block'], checkByHand: ['src/Desk.php'] });
  });
});

suite('scopes scanner: paths handed to a request helper imported from a module talking to Intercom', () => {
  test('JS/TS: the helper called with a path and the method beside it, and through a local wrapper handing its parameter on; not a path outside the API, not a helper with no method shown', async () => {
    assert.deepEqual(await scanProject('helper-web'), {
      found: ['src/jobs/sync.ts:8 GET /admins', 'src/jobs/sync.ts:9 POST /contacts/search', 'src/jobs/sync.ts:11 PUT /contacts/{id}'],
      checkByHand: ['src/desk/request.ts'],
    });
  });
});
