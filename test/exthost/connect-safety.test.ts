// What must never happen: a workspace redirecting credentials, or a secret reaching the log or the screen.
// Plus the redirect bridge page command.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceNode } from '../../src/features/workspace/tree';
import type { IntercomSession } from '../../src/session/model';
import { FakeIntercom, Faults, usWorkspace } from '../fake-intercom';
import { CLIENT_ID, CLIENT_SECRET, setUserSettings, useConnectSandbox, type Sandbox } from './sandbox';
import { EXTENSION_ID, ScriptedUi, logText, until, type TestApi } from './support';

suite('Connect safety (real extension host)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;

  useConnectSandbox((s) => ({ api, ui, box } = s));

  test("a folder's settings.json cannot redirect the code, token or client secret, nor change their Intercom-Version", async () => {
    const evil = await FakeIntercom.start({ consent: 'approve' });
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const settingsFile = path.join(folder, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({
      'intercom.advanced.apiBaseUrl': evil.url,
      'intercom.advanced.appBaseUrl': evil.url,
      'intercom.oauth.redirectUrl': `${evil.url}/steal`,
      'intercom.oauth.clientId': 'evil-client',
      'intercom.allowUnverifiedEmail': true,
      'intercom.apiVersion': '2.9',
      // A folder-level setting of VS Code's own: once it reads back, the file was loaded.
      'editor.tabSize': 7,
    }));
    try {
      await until(() => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7 || undefined, 'the folder settings to load');
      const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connect');
      assert.ok(session, JSON.stringify(ui.shown));
      assert.equal(evil.count(), 0, `the workspace's host got nothing: ${evil.requests.map((r) => r.route).join(', ')}`);
      assert.equal(box.fake.count('POST /auth/eagle/token'), 1);
      assert.equal(new URLSearchParams(box.fake.lastRequest('POST /auth/eagle/token')!.rawBody).get('client_id'), CLIENT_ID);
      assert.equal(box.fake.lastRequest('GET /oauth')!.query.redirect_uri, box.bridgeUrl);
      assert.equal(box.fake.lastRequest('GET /me')!.headers['intercom-version'], '2.16', "the folder's apiVersion is ignored");
      // allowUnverifiedEmail from the workspace is ignored too.
      const token = box.fake.addToken(undefined, usWorkspace({ me: { email_verified: false } }));
      ui.answerInputs(token);
      assert.equal(await vscode.commands.executeCommand('intercom.connectWithAccessToken'), undefined);
      await ui.waitForMessage((s) => s.level === 'error' && /not verified/.test(s.text));
    } finally {
      fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      await evil.close();
    }
  });

  test('tokens, client secrets and authorization codes are never logged or shown', async () => {
    const session = (await vscode.commands.executeCommand<IntercomSession>('intercom.connect'))!;
    assert.ok(session, JSON.stringify(ui.shown));
    const code = new URLSearchParams(box.fake.lastRequest('POST /auth/eagle/token')!.rawBody).get('code')!;
    const accessToken = box.fake.addToken();
    ui.answerInputs(accessToken);
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    await vscode.commands.executeCommand('intercom.refreshWorkspace');
    box.fake.failNext('GET /me', Faults.error(401, 'unauthorized', 'Access Token Invalid'));
    await vscode.commands.executeCommand('intercom.refreshWorkspace', session.id);
    box.fake.failNext('POST /auth/eagle/token', Faults.error(401, 'unauthorized', 'Unauthorized Code'));
    assert.equal(await vscode.commands.executeCommand('intercom.connect'), undefined);
    await ui.waitForMessage((s) => /Unauthorized Code/.test(s.text));
    await vscode.commands.executeCommand('intercom.copyMeCurl', session.id);

    const logged = await until(async () => {
      const text = await logText(api);
      return text.includes('Unauthorized Code') ? text : undefined;
    }, 'the log file to be flushed');
    const shown = JSON.stringify([ui.shown, ui.progressTitles, ui.prompts.map((p) => [p.title, p.prompt, p.placeHolder, p.value])]);
    assert.match(logged, /POST \/auth\/eagle\/token → 200 \(\d+ ms\)/, 'the log has the requests');
    const secrets = { oauthToken: session.accessToken, accessToken, code, codeEncoded: encodeURIComponent(code), clientSecret: CLIENT_SECRET };
    for (const [name, secret] of Object.entries(secrets)) {
      assert.ok(!logged.includes(secret), `${name} is in the log`);
      assert.ok(!shown.includes(secret), `${name} was shown`);
    }
    assert.ok(!(await vscode.env.clipboard.readText()).includes(session.accessToken), 'not on the clipboard either');
  });

  test('a server that echoes the code, token and client secret gets none of them into the log, a message or the tree', async () => {
    // The exchange answers 401 "Unauthorized Code <code> <client secret>".
    box.fake.failNext('POST /auth/eagle/token', Faults.echoSecrets(401));
    assert.equal(await vscode.commands.executeCommand('intercom.connect'), undefined);
    await ui.waitForMessage((s) => /refused the authorization code/.test(s.text));
    const code = new URLSearchParams(box.fake.lastRequest('POST /auth/eagle/token')!.rawBody).get('code')!;
    // /me answers 401 "Access Token Invalid <the token just issued>".
    box.fake.failNext('GET /me', Faults.echoSecrets(401));
    assert.equal(await vscode.commands.executeCommand('intercom.connect'), undefined);
    await ui.waitForMessage((s) => /rejected the access token/.test(s.text));
    const rejectedToken = box.fake.issuedTokens.at(-1)!;
    // A stored session whose refresh echoes its token: the view's error node explains the failure.
    const session = (await vscode.commands.executeCommand<IntercomSession>('intercom.connect'))!;
    assert.ok(session, JSON.stringify(ui.shown));
    box.fake.failNext('GET /me', Faults.echoSecrets(401));
    await vscode.commands.executeCommand('intercom.refreshWorkspace', session.id);

    const { tree } = api.workspace;
    const items: vscode.TreeItem[] = [];
    const walk = async (node?: WorkspaceNode) => {
      for (const child of await tree.getChildren(node)) {
        items.push(tree.getTreeItem(child));
        await walk(child);
      }
    };
    await walk();
    const treeText = JSON.stringify(items.map((i) => [i.label, i.description, typeof i.tooltip === 'string' ? i.tooltip : i.tooltip?.value]));
    assert.match(treeText, /Access Token Invalid/, 'the error node repeats what Intercom said');
    const logged = await until(async () => {
      const text = await logText(api);
      return text.includes(`Refresh of ${session.account.id} failed`) ? text : undefined;
    }, 'the log file to be flushed');
    const shown = JSON.stringify([ui.shown, ui.progressTitles]);
    const secrets = {
      code, codeEncoded: encodeURIComponent(code), clientSecret: CLIENT_SECRET, rejectedToken, sessionToken: session.accessToken,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      assert.ok(!logged.includes(secret), `${name} is in the log`);
      assert.ok(!shown.includes(secret), `${name} was shown`);
      assert.ok(!treeText.includes(secret), `${name} is in the tree`);
    }
    assert.match(logged, /Unauthorized Code \[redacted\] \[redacted\]/, 'the echo is logged, without the secrets');
    assert.match(shown, /Unauthorized Code \[redacted\]/, 'the echo is shown, without the secrets');
  });

  test('Create Redirect Bridge Page writes the page with the allow-list baked in and lists the next steps', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-'));
    ui.answerInputs('code.example.com, *.dev.example.com', folder, 'https://pages.example.com/intercom-redirect-bridge.html');
    ui.onMessage = (s) => s.actions.find((a) => a === 'Set Redirect URL…');
    const written = await vscode.commands.executeCommand<vscode.Uri>('intercom.createRedirectBridge');
    assert.ok(written);
    const html = fs.readFileSync(path.join(folder, 'intercom-redirect-bridge.html'), 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
    const config = JSON.parse(/<script type="application\/json" id="bridge-config">([^<]*)<\/script>/.exec(html)![1]);
    assert.deepEqual(config, { extensionId: EXTENSION_ID, extraHosts: ['code.example.com', '*.dev.example.com'] });
    assert.doesNotMatch(html, /<script src=|<link |https?:\/\/(?!127)/, 'no external resources');
    const steps = ui.shown.find((s) => s.level === 'info')!;
    assert.match(steps.text, /HTTPS/);
    assert.match(steps.text, /Developer Hub/);
    assert.match(steps.text, /intercom\.oauth\.redirectUrl/);
    assert.equal(vscode.workspace.getConfiguration('intercom').get('oauth.redirectUrl'), 'https://pages.example.com/intercom-redirect-bridge.html');
    await setUserSettings({ 'oauth.redirectUrl': box.bridgeUrl });
  });

  test('Create Redirect Bridge Page refuses junk hosts and never overwrites without asking', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-'));
    fs.writeFileSync(path.join(folder, 'intercom-redirect-bridge.html'), 'mine');
    ui.answerInputs((o) => {
      assert.ok(o.validateInput!('https://not a host/'), 'junk is refused');
      return '';
    }, folder);
    ui.onMessage = () => undefined; // "Replace?" → dismissed
    assert.equal(await vscode.commands.executeCommand('intercom.createRedirectBridge'), undefined);
    assert.equal(fs.readFileSync(path.join(folder, 'intercom-redirect-bridge.html'), 'utf8'), 'mine');
    assert.ok(ui.shown.some((s) => /already exists/.test(s.text)));
  });
});
