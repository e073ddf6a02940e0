// "Copy Snippet…", "Open as .http" and "Compare API Versions" in the real extension host: operations
// picked from the catalog, prompts answered from the test, the snippet run against the fake Intercom,
// documents read back.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { loadCatalog } from '../../src/explorer/catalog';
import { useSandbox, type Sandbox } from './sandbox';
import { logText, ScriptedUi, until, type TestApi } from './support';

const run = promisify(execFile);

type Item = vscode.QuickPickItem;
const byLabel = (pattern: RegExp) => (items: readonly Item[]) => {
  const found = items.find((i) => pattern.test(i.label));
  assert.ok(found, `an item matching ${pattern}`);
  return found;
};

suite('Request files, snippets and version comparison (real extension host)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;
  const connect = async (): Promise<string> => {
    const token = box.fake.addToken();
    ui.answerInputs(token);
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'), JSON.stringify(ui.shown));
    box.fake.reset();
    return token;
  };

  useSandbox({}, (s) => ({ api, ui, box } = s));
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Copy Snippet: pick an operation, fill its slot and a query parameter; the Node snippet sends that request', async () => {
    ui.answerPicks(
      byLabel(/^GET \/contacts\/\{contact_id\}$/),
      (items) => [byLabel(/^include_merge_history$/)(items)],
      byLabel(/^Node\.js/),
    ).answerInputs('6 5/4', 'true');
    const text = await vscode.commands.executeCommand<string>('intercom.copySnippet');
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.match(ui.shown.at(-1)?.text ?? '', /INTERCOM_ACCESS_TOKEN/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-snippet-'));
    try {
      fs.writeFileSync(path.join(dir, 'snippet.mjs'), text);
      const token = box.fake.addToken();
      // The host's Node (code-server) or Electron running as Node.
      await run(process.execPath, [path.join(dir, 'snippet.mjs')], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', INTERCOM_ACCESS_TOKEN: token }, timeout: 15_000 });
      const sent = box.fake.lastRequest();
      assert.ok(sent, 'the snippet reached the fake');
      assert.equal(sent.method, 'GET');
      assert.equal(sent.url, '/contacts/6%205%2F4?include_merge_history=true');
      assert.equal(sent.headers.authorization, `Bearer ${token}`);
      assert.equal(sent.headers['intercom-version'], '2.16');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Copy Snippet from an API view row: the row\'s operation, no operation picker', async () => {
    const operation = loadCatalog().operations('2.16').find((o) => o.method === 'POST' && o.path === '/tags');
    assert.ok(operation);
    ui.answerPicks(byLabel(/^curl$/));
    // The node the API view passes to its row menu's commands.
    const text = await vscode.commands.executeCommand<string>('intercom.copySnippet', { kind: 'operation', operation });
    assert.equal(ui.pickOptions.length, 1, 'only the language was asked');
    assert.match(text, new RegExp(`^curl --request POST --url '${box.fake.url.replace(/\./g, '\\.')}/tags'`));
    assert.match(text, /--data '\{\n {2}"name": null,\n/, 'the body template');
  });

  test('Open as .http: a write opens as a request file with the host, version and token variables and a body template', async () => {
    const token = box.fake.addToken();
    ui.answerInputs(token);
    const session = await vscode.commands.executeCommand<{ accessToken: string }>('intercom.connectWithAccessToken');
    assert.ok(session);
    ui.answerPicks(byLabel(/^POST \/contacts$/));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.openAsHttp');
    assert.ok(document);
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.ok(document.isUntitled, 'nothing is written into the folder');
    assert.match(text, new RegExp(`^@host = ${box.fake.url.replace(/\./g, '\\.')}$`, 'm'));
    assert.match(text, /^@version = 2\.16$/m);
    assert.match(text, /^@token = \{\{\$processEnv INTERCOM_ACCESS_TOKEN\}\}$/m);
    assert.match(text, /^POST \{\{host\}\}\/contacts\nAuthorization: Bearer \{\{token\}\}$/m);
    assert.match(text, /^# https:\/\/developers\.intercom\.com\/docs\/references\/2\.16\/rest-api\/api\.intercom\.io\/contacts\/createcontact$/m);
    const body = JSON.parse(text.slice(text.indexOf('\n\n{') + 2)) as Record<string, unknown>;
    assert.ok('email' in body && 'external_id' in body, 'the top-level fields to fill in');
    assert.ok(!text.includes(token), 'the token is never in the file');
  });

  test('Open Terminal with Token: the terminal\'s environment holds the selected workspace\'s token, which a command run there sends; never the clipboard or the log', async () => {
    const token = await connect();
    await vscode.env.clipboard.writeText('before');
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('intercom.openTerminalWithToken');
    assert.ok(terminal, JSON.stringify(ui.shown));
    try {
      assert.equal(terminal.name, 'Intercom: Hogwarts workspace (drzzt019)');
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.equal(options.env?.INTERCOM_ACCESS_TOKEN, token);
      assert.equal(options.isTransient, true, 'not kept to be restored after a reload');
      terminal.sendText(`curl -s -o /dev/null -H "Authorization: Bearer $INTERCOM_ACCESS_TOKEN" "${box.fake.url}/me"`);
      const sent = await until(() => box.fake.lastRequest('GET /me'), 'the request sent from the terminal', 30_000);
      assert.equal(sent.headers.authorization, `Bearer ${token}`);
      assert.equal(await vscode.env.clipboard.readText(), 'before', 'the clipboard is untouched');
      assert.ok(!(await logText(api)).includes(token), 'the log never has it');
    } finally {
      terminal.dispose();
    }
  });

  test('Open as .http where nothing can send it: says so and offers Install REST Client or Send with Call API, which sends the request', async () => {
    await connect();
    ui.onMessage = (m) => (m.actions.includes('Send with Call API') ? 'Send with Call API' : undefined);
    ui.answerPicks(byLabel(/^GET \/contacts\/\{contact_id\}$/), () => []).answerInputs('abc');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.openAsHttp');
    assert.ok(document);
    assert.ok(!(await vscode.languages.getLanguages()).includes('http'), 'no extension of this host knows .http files');
    assert.equal(document.languageId, 'plaintext');
    const offer = await ui.waitForMessage((m) => m.actions.includes('Send with Call API'));
    assert.deepEqual(offer.actions, ['Install REST Client', 'Send with Call API']);
    assert.match(offer.text, /REST Client \(humao\.rest-client\)/);
    const sent = await until(() => box.fake.lastRequest(), 'Call API sent the request');
    assert.equal(`${sent.method} ${sent.url}`, 'GET /contacts/abc', 'the request as written down, not asked again');
  });

  test('Compare API Versions: the folder\'s operations with links to the code, then every change', async () => {
    ui.answerPicks(byLabel(/^2\.7$/), byLabel(/^2\.16$/));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.compareApiVersions');
    assert.ok(document, JSON.stringify(ui.shown));
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# Intercom API: 2\.7 → 2\.16$/m);
    const used = text.slice(text.indexOf('## Operations this folder'), text.indexOf('## All operations'));
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'src', 'intercom-sync.ts').toString();
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(used, new RegExp(`\\| \`POST /contacts/search\` \\| \\[src/intercom-sync\\.ts:7\\]\\(${escaped}#L7\\) \\|`));
    assert.match(used, /\| `POST \/conversations\/\{id\}\/reply` \| .*intercom-sync\.ts:12.* \| /);
    const changed = text.slice(text.indexOf('### Changed parameters'));
    assert.match(changed, /^- `PUT \/admins\/\{admin_id\}\/away`: body field `away_status_reason_id` added$/m);
  });
});
