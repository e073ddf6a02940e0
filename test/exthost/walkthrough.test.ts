// The "Build an Intercom app" walkthrough: each step completes on the real outcome (the extension sets
// the step's onContext key), not on a click. The keys come from the contributed completionEvents, so a
// renamed key on either side fails here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { findFreePort } from '../../src/webhooks/receiver';
import { CLIENT_ID, CLIENT_SECRET, setUserSettings, useConnectSandbox, type Sandbox } from './sandbox';
import { EXTENSION_ID, ScriptedUi, until, type TestApi } from './support';

interface Step {
  id: string;
  completionEvents?: string[];
}

function stepKey(id: string): string {
  const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.walkthroughs as { steps: Step[] }[] | undefined;
  const step = walkthroughs?.[0]?.steps.find((s) => s.id === id);
  const event = step?.completionEvents?.find((e) => e.startsWith('onContext:'));
  assert.ok(event, `walkthrough step "${id}" completes on an onContext event: ${JSON.stringify(step)}`);
  return event.slice('onContext:'.length);
}

suite('Walkthrough completion (real extension host)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;
  const marked: string[] = [];
  let subscription: vscode.Disposable | undefined;
  const checklist = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'INTERCOM_SCOPES.md');

  useConnectSandbox((s) => ({ api, ui, box } = s));
  setup(async () => {
    await vscode.workspace.fs.delete(checklist(), { useTrash: false }).then(undefined, () => undefined);
    marked.length = 0;
    subscription ??= api.walkthrough.onDidMark((key) => marked.push(key));
  });
  suiteTeardown(async () => {
    subscription?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(checklist(), { useTrash: false }).then(undefined, () => undefined);
  });

  test('configure the app: complete when the app is configured, not when the prompt is dismissed', async () => {
    const key = stepKey('configureApp');
    ui.answerInputs(undefined);
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), false);
    assert.ok(!marked.includes(key), 'dismissed: not complete');
    ui.answerInputs(CLIENT_ID, CLIENT_SECRET, box.bridgeUrl).answerPicks((items) => items[0]);
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    await until(() => marked.includes(key) || undefined, `${key} to be set`);
  });

  test('create the bridge page: complete when the page is written', async () => {
    const key = stepKey('createBridgePage');
    ui.answerInputs('', undefined); // no extra hosts, then the folder dialog is dismissed
    assert.equal(await vscode.commands.executeCommand('intercom.createRedirectBridge'), undefined);
    assert.ok(!marked.includes(key), 'dismissed: not complete');
    ui.answerInputs('', fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-')));
    assert.ok(await vscode.commands.executeCommand('intercom.createRedirectBridge'));
    await until(() => marked.includes(key) || undefined, `${key} to be set`);
  });

  test('connect: complete when a workspace is connected, not when Connect fails', async () => {
    const key = stepKey('connect');
    ui.answerInputs('not-a-token-intercom-issued');
    assert.equal(await vscode.commands.executeCommand('intercom.connectWithAccessToken'), undefined);
    await ui.waitForMessage((s) => s.level === 'error');
    assert.ok(!marked.includes(key), 'failed: not complete');
    ui.answerInputs(box.fake.addToken());
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    await until(() => marked.includes(key) || undefined, `${key} to be set`);
  });

  test('generate the checklist: complete when the checklist is generated, not when the choice is dismissed', async () => {
    const key = stepKey('generateChecklist');
    ui.answerPicks(() => undefined);
    assert.equal(await vscode.commands.executeCommand('intercom.generateScopeChecklist'), undefined);
    assert.ok(!marked.includes(key), 'dismissed: not complete');
    ui.answerPicks((items) => items.filter((i) => i.picked));
    assert.ok(await vscode.commands.executeCommand('intercom.generateScopeChecklist'));
    await until(() => marked.includes(key) || undefined, `${key} to be set`);
  });

  test('receive webhooks: complete when the receiver listens', async () => {
    const key = stepKey('receiveWebhooks');
    await setUserSettings({ 'webhooks.port': await findFreePort() });
    try {
      assert.ok(await vscode.commands.executeCommand('intercom.startWebhookReceiver'));
      await until(() => marked.includes(key) || undefined, `${key} to be set`);
    } finally {
      await vscode.commands.executeCommand('intercom.stopWebhookReceiver');
      await setUserSettings({ 'webhooks.port': undefined });
    }
  });

  test('call the API: complete when an answer came back, not when the pick is dismissed', async () => {
    const key = stepKey('callApi');
    ui.answerInputs(box.fake.addToken());
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    ui.answerPicks(() => undefined);
    assert.equal(await vscode.commands.executeCommand('intercom.callApi'), undefined);
    assert.ok(!marked.includes(key), 'dismissed: not complete');
    ui.answerPicks((items) => items.find((i) => i.label === 'GET /contacts'), () => []);
    assert.ok(await vscode.commands.executeCommand('intercom.callApi'));
    await until(() => marked.includes(key) || undefined, `${key} to be set`);
  });
});
