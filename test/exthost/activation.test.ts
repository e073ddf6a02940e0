import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { testOutput } from './output';
import { EXTENSION_ID, activateExtension } from './support';

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

  test('activation registers the commands and does not load got', async () => {
    await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
    // Control: the extension's own bundle is in the module cache we inspect…
    assert.equal(loaded('extension.js').length, 1, 'dist/extension.js is in require.cache');
    // …and the HTTP bundle (which contains got) is not.
    assert.deepEqual(loaded('http.js'), [], 'dist/http.js must not be loaded at activation');
    // Nor the webhook receiver's bundle: its commands and view load it on first use.
    assert.deepEqual(loaded('webhooks.js'), [], 'dist/webhooks.js must not be loaded at activation');
    // The receiver's code is in its own bundle, not in the one activation parses (control: it is found there).
    const bundle = (name: string) => fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', name), 'utf8');
    const receiverClass = /WebhookReceiver = class/;
    assert.match(bundle('webhooks.js'), receiverClass);
    assert.doesNotMatch(bundle('extension.js'), receiverClass, 'the receiver is bundled in dist/webhooks.js only');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['intercom.connect', 'intercom.connectWithAccessToken', 'intercom.disconnect', 'intercom.configureApp', 'intercom.showLog', 'intercom.startWebhookReceiver', 'intercom.sendTestWebhook']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('the Intercom container and Workspace view are contributed', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, 'intercom');
    assert.equal(pkg.contributes.views.intercom[0].id, 'intercom.workspace');
    await vscode.commands.executeCommand('intercom.workspace.focus');
  });
});
