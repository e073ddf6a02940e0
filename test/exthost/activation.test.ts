import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { testOutput } from './output';
import { EXTENSION_ID, ScriptedUi, activateExtension } from './support';

/** The bundles esbuild.mjs builds to load on first use, never at activation. */
const LAZY_BUNDLES = ['http.js', 'connect.js', 'scopes.js'];

const loaded = (bundle: string) => {
  const file = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', bundle);
  return Object.keys(require.cache).filter((k) => k === file);
};

suite('Activation (real extension host; runs first)', () => {
  test('runs in a real VS Code extension host', () => {
    testOutput(`TEST-INFO vscode.version=${vscode.version} vscode.env.appHost=${vscode.env.appHost} uiKind=${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'} uriScheme=${vscode.env.uriScheme} node=${process.version}`);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.env.appHost.length > 0);
  });

  test('activation registers the commands and loads none of the lazy bundles (got, Connect, scope checklist)', async () => {
    await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
    // Control: the extension's own bundle is in the module cache we inspect…
    assert.equal(loaded('extension.js').length, 1, 'dist/extension.js is in require.cache');
    // …and the bundles loaded on first use are not.
    for (const bundle of LAZY_BUNDLES) assert.deepEqual(loaded(bundle), [], `dist/${bundle} must not be loaded at activation`);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['intercom.connect', 'intercom.connectWithAccessToken', 'intercom.disconnect', 'intercom.configureApp', 'intercom.showLog']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('the scope command loads dist/scopes.js on its first run, and a Connect command dist/connect.js', async () => {
    const api = await activateExtension();
    const ui = new ScriptedUi();
    api.ui.current = ui;
    ui.cancelNextProgress = true; // the person cancels the scan at once: enough to run the command's code
    await vscode.commands.executeCommand('intercom.generateScopeChecklist');
    await ui.waitForMessage((m) => m.text === 'Scope checklist cancelled.');
    assert.equal(loaded('scopes.js').length, 1, 'dist/scopes.js is loaded by the command');
    assert.deepEqual(loaded('connect.js'), [], 'the scope command does not load the Connect flows');

    ui.answerInputs(undefined); // Configure OAuth App, cancelled at its first prompt
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), false);
    assert.equal(loaded('connect.js').length, 1, 'dist/connect.js is loaded by a Connect command');
  });

  test('the Intercom container and Workspace view are contributed', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, 'intercom');
    assert.equal(pkg.contributes.views.intercom[0].id, 'intercom.workspace');
    await vscode.commands.executeCommand('intercom.workspace.focus');
  });
});
