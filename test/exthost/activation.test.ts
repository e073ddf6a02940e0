import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IntercomSession } from '../../src/session/model';
import { testOutput } from './output';
import { CLIENT_ID, CLIENT_SECRET, pointAt, setUserSettings, startSandbox, type Sandbox } from './sandbox';
import { EXTENSION_ID, ScriptedUi, activateExtension, logText, until } from './support';

/** The bundles esbuild.mjs builds to load on first use, never at activation (the shared ones included). */
const LAZY_BUNDLES = ['features.js', 'http.js', 'state.js', 'rules.js', 'scan.js', 'connect.js', 'scopes.js', 'webhooks.js', 'explorer.js', 'requests.js', 'canvasKit.js', 'codeIntelligence.js'];

const loaded = (bundle: string) => {
  const file = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', bundle);
  return Object.keys(require.cache).filter((k) => k === file);
};

suite('Activation (real extension host; runs first)', () => {
  test('runs in a real VS Code extension host', () => {
    testOutput(`TEST-INFO vscode.version=${vscode.version} vscode.env.appHost=${vscode.env.appHost} uiKind=${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'} uriScheme=${vscode.env.uriScheme} node=${process.version}`);
    // At least the version package.json's engines asks for (a host this old would refuse the extension).
    const least = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.engines.vscode as string).replace(/^\^/, '');
    const [major, minor] = vscode.version.split('.').map(Number);
    const [leastMajor, leastMinor] = least.split('.').map(Number);
    assert.ok(major > leastMajor || (major === leastMajor && minor >= leastMinor), `VS Code ${vscode.version} is at least ${least}`);
    assert.ok(vscode.env.appHost.length > 0);
  });

  test('an authentication request in a window where the extension is not active yet activates it, and its provider answers', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(extension.isActive, false, 'precondition: nothing activated the extension in this window yet');
    // VS Code activates the extension for the request and waits for its provider, which registers right after
    // activation: without one, the request fails ("No authentication provider 'intercom' is currently registered").
    assert.equal(await vscode.authentication.getSession('intercom', [], { silent: true }), undefined, 'answered: no session yet');
    assert.ok(extension.isActive, 'the request activated the extension');
  });

  test('activation registers the commands and loads none of the lazy bundles (the feature services, got, Connect, scope checklist, requests)', async () => {
    await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
    // Control: the extension's own bundle is in the module cache we inspect…
    assert.equal(loaded('extension.js').length, 1, 'dist/extension.js is in require.cache');
    // …and the bundles loaded on first use are not.
    assert.deepEqual(LAZY_BUNDLES.filter((bundle) => loaded(bundle).length > 0), [], 'bundles loaded at activation');
    // The receiver's code is in its own bundle, not in the one activation parses (control: it is found there).
    const bundle = (name: string) => fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', name), 'utf8');
    const receiverClass = /WebhookReceiver = class/;
    assert.match(bundle('webhooks.js'), receiverClass);
    assert.doesNotMatch(bundle('extension.js'), receiverClass, 'the receiver is bundled in dist/webhooks.js only');
    // So are the sessions, the log and the status bar, in dist/base.js: created right after activation.
    for (const coreClass of [/SessionStore = class/, /WorkspaceStatus = class/, /IntercomAuthenticationProvider = class/]) {
      assert.match(bundle('base.js'), coreClass);
      assert.doesNotMatch(bundle('extension.js'), coreClass, 'activation\'s bundle holds the registrations only');
    }
    // Activation's bundle requires the API once and without esbuild's import helper, whose code cost about a
    // third of loading it (control: the base bundle, whose files import the API, has the helper).
    assert.match(bundle('base.js'), /__toESM/);
    assert.doesNotMatch(bundle('extension.js'), /__toESM/, 'activation\'s files require the API (esbuild.mjs)');
    assert.equal(bundle('extension.js').match(/require\("vscode"\)/g)?.length, 1, 'one require of the API');
    // The status bar is shown right after activation, by the base bundle, without the features.
    const api = await activateExtension();
    assert.equal(await until(() => api.statusText || undefined, 'the status bar to be shown'), '$(plug) Intercom: Connect');
    assert.equal(loaded('base.js').length, 1, 'the status bar is the base bundle\'s');
    assert.deepEqual(loaded('features.js'), [], 'the status bar needs no feature');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['intercom.connect', 'intercom.connectWithAccessToken', 'intercom.disconnect', 'intercom.configureApp', 'intercom.showLog', 'intercom.startWebhookReceiver', 'intercom.sendTestWebhook']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('the scope command loads dist/scopes.js on its first run, and a Connect command dist/connect.js', async () => {
    const api = await activateExtension();
    assert.deepEqual(loaded('features.js'), [], 'precondition: nothing has needed the features yet');
    const ui = new ScriptedUi();
    api.ui.current = ui;
    ui.cancelNextProgress = true; // the person cancels the scan at once: enough to run the command's code
    await vscode.commands.executeCommand('intercom.generateScopeChecklist');
    await ui.waitForMessage((m) => m.text === 'Scope checklist cancelled.');
    assert.equal(loaded('scopes.js').length, 1, 'dist/scopes.js is loaded by the command');
    assert.equal(loaded('features.js').length, 1, 'and the feature services behind the command');
    assert.deepEqual(loaded('connect.js'), [], 'the scope command does not load the Connect flows');

    ui.answerInputs(undefined); // Configure OAuth App, cancelled at its first prompt
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), false);
    assert.equal(loaded('connect.js').length, 1, 'dist/connect.js is loaded by a Connect command');
  });

  test('every command and authentication provider in package.json is in the feature table, and every view has its rows', async () => {
    const api = await activateExtension();
    assert.deepEqual(api.unhandled(), [], 'contributed commands and authentication providers nothing answers');
    for (const tree of [api.workspace.tree, api.explorer.tree, api.webhooks.tree]) assert.ok(Array.isArray(await tree.getChildren()));
  });

  // Connect's requests after the callback: the token exchange, then one /me, whether or not the view
  // shows. These need a window whose Workspace view was never shown, hence here, after the tests above.
  suite("Connect's requests", () => {
    let box: Sandbox;
    suiteSetup(async function () {
      this.timeout(60_000);
      const api = await activateExtension();
      box = await startSandbox();
      await pointAt(box.fake);
      api.ui.current = new ScriptedUi().answerInputs(CLIENT_ID, CLIENT_SECRET, box.bridgeUrl).answerPicks((items) => items[0]);
      assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    });
    suiteTeardown(async () => {
      const api = await activateExtension();
      await api.sessions.remove((await api.sessions.list()).map((s) => s.id));
      await box.fake.close();
      await setUserSettings({ 'advanced.appBaseUrl': undefined, 'advanced.apiBaseUrl': undefined, 'oauth.clientId': undefined, 'oauth.redirectUrl': undefined });
    });

    const connectOAuth = async () => {
      const api = await activateExtension();
      const ui = new ScriptedUi();
      api.ui.current = ui;
      box.fake.reset();
      const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connect');
      assert.ok(session, JSON.stringify(ui.shown));
      return api;
    };
    const apiRequests = () => box.fake.requests.filter((r) => r.route.startsWith('POST /auth') || r.headers.authorization).map((r) => r.route);

    test('view hidden during Connect: showing it afterwards reads no second /me', async function () {
      this.timeout(60_000);
      const api = await activateExtension();
      assert.equal(api.workspace.view.visible, false, 'precondition: the view was not shown yet in this window');
      await connectOAuth();
      assert.deepEqual(apiRequests(), ['POST /auth/eagle/token', 'GET /me']);
      await vscode.commands.executeCommand('intercom.workspace.focus');
      // Wait until the view's first read has decided (its log line), or a second /me arrived.
      await until(async () => box.fake.count('GET /me') > 1 || (await logText(api)).includes('Workspace view shown') || undefined, "the view's first read");
      assert.deepEqual(apiRequests(), ['POST /auth/eagle/token', 'GET /me'], 'showing the view reused the /me Connect just read');
    });

    test('view visible during Connect: the token exchange and one /me, and the row shows it', async function () {
      this.timeout(60_000);
      const api = await activateExtension();
      await vscode.commands.executeCommand('intercom.workspace.focus');
      await until(() => api.workspace.view.visible || undefined, 'the view to be visible');
      await connectOAuth();
      assert.equal((await api.workspace.tree.getChildren()).length, 1);
      assert.deepEqual(apiRequests(), ['POST /auth/eagle/token', 'GET /me']);
    });
  });
});
