import assert from 'node:assert/strict';
import { EventLog } from '../../../src/webhooks/eventLog';
import { FORWARDED_MARK } from '../../../src/webhooks/forwarder';
import { MemoryEventStore } from '../../../src/webhooks/eventStore';
import { Inbox, type ForwardSettings } from '../../../src/webhooks/inbox';
import { WebhookReceiver } from '../../../src/webhooks/receiver';
import { signatureHeader, verifySignature } from '../../../src/webhooks/signature';
import { until } from '../../support/until';
import { send, startLocalApp, type LocalApp } from '../../support/localApp';

const SECRET = 'inbox-secret';

suite('webhooks: inbox (receiver → verify → log → forward)', () => {
  let app: LocalApp;
  let receiver: WebhookReceiver;
  let log: EventLog;
  let forwarding: ForwardSettings | undefined;
  let changes: number;
  let inbox: Inbox;

  setup(async () => {
    app = await startLocalApp();
    log = new EventLog(50, new MemoryEventStore());
    changes = 0;
    forwarding = { target: new URL(app.url), timeoutMs: 2000 };
    inbox = new Inbox({ events: log, secrets: async () => ({ secret: SECRET, others: ['other'] }), forwarding: () => forwarding, onChange: () => changes++ });
    receiver = await WebhookReceiver.start({ port: 0, onRequest: (r) => void inbox.receive(r) });
  });
  teardown(async () => {
    await receiver.close();
    await app.close();
  });

  test('a signed delivery is verified, logged and forwarded', async () => {
    const body = '{"type":"notification_event","id":"notif_a","topic":"ping","delivery_attempts":1}';
    const answer = await send(receiver.url, { body, headers: { 'x-hub-signature': signatureHeader(body, SECRET), 'content-type': 'application/json' } });
    assert.equal(answer.status, 200);
    const event = await until(() => log.list()[0]?.forward && log.list()[0], 'the forward result to be logged');
    assert.deepEqual(event.signature, { ok: true });
    assert.equal(event.topic, 'ping');
    assert.equal(event.notificationId, 'notif_a');
    assert.equal(event.forward?.ok, true);
    assert.equal(app.received[0].body.toString(), body);
    assert.ok(changes >= 2);
  });

  test('the answer does not wait for forwarding', async () => {
    app.answer = { status: 200, body: '', hang: true };
    const answer = await send(receiver.url, { body: '{"id":"notif_slow"}', headers: { 'content-type': 'application/json', 'x-hub-signature': signatureHeader('{"id":"notif_slow"}', SECRET) } });
    assert.equal(answer.status, 200);
    await until(() => app.received.length === 1, 'the forward to reach the app');
    assert.equal(log.list()[0].forward, undefined, 'answered while the forward is still pending');
  });

  test('bad signature: logged with its reason, still forwarded (the app decides)', async () => {
    const body = '{"id":"notif_b"}';
    await send(receiver.url, { body, headers: { 'content-type': 'application/json', 'x-hub-signature': signatureHeader(body, 'other') } });
    const event = await until(() => log.list()[0]?.forward && log.list()[0], 'the forward result');
    assert.deepEqual(event.signature, { ok: false, problem: 'otherApp' });
  });

  test('rejected requests are logged, not verified or forwarded', async () => {
    await send(receiver.url, { body: 'nope', headers: { 'content-type': 'application/json' } });
    await send(receiver.url, { method: 'PUT' });
    await until(() => log.size === 2, 'both to be logged');
    assert.deepEqual(log.list().map((e) => e.rejected), ['method', 'notJson']);
    assert.ok(log.list().every((e) => e.signature === undefined));
    assert.equal(app.received.length, 0);
  });

  test('forwarding to a receiver (this one, through a tunnel or an address the check misses) stops after one hop', async () => {
    forwarding = { target: new URL(`${receiver.url}looped`), timeoutMs: 2000 };
    const body = '{"id":"notif_loop","topic":"ping"}';
    await send(receiver.url, { body, headers: { 'content-type': 'application/json', 'x-hub-signature': signatureHeader(body, SECRET) } });
    const first = await until(() => log.list().find((e) => e.forward), 'the first forward to be answered');
    assert.equal(first.forward?.ok, false);
    assert.equal(first.forward?.status, 508);
    assert.deepEqual(log.list().map((e) => e.rejected), ['loop', undefined], 'the forwarded copy is logged, refused, and not forwarded again');
  });

  test('test events and replays are signed with the secret; a replay re-signs and is counted', async () => {
    const body = Buffer.from('{"id":"notif_t","topic":"ping"}');
    const sent = await inbox.sendTest(body, forwarding!, SECRET);
    assert.equal(sent.source, 'test');
    assert.equal(log.get(sent.key)?.status, 200, 'a test event shows the app\'s status');
    assert.deepEqual(app.received[0].body, body);
    assert.deepEqual(verifySignature({ body, header: String(app.received[0].headers['x-hub-signature']), secret: SECRET }), { ok: true });

    const replayed = await inbox.replay(sent.key, forwarding!, 'rotated-secret');
    assert.ok(typeof replayed === 'object');
    assert.equal(replayed.result.ok, true);
    assert.equal(replayed.resigned, true);
    assert.equal(log.get(sent.key)?.replays, 1);
    assert.deepEqual(app.received[1].body, body);
    assert.deepEqual(verifySignature({ body, header: String(app.received[1].headers['x-hub-signature']), secret: 'rotated-secret' }), { ok: true });
    assert.equal(await inbox.replay('gone', forwarding!, SECRET), undefined);
  });

  test('replay re-signs a delivery only if it verified: bytes someone else chose go again as received', async () => {
    const replayOf = async (headers: Record<string, string>) => {
      const body = `{"id":"notif_${app.received.length}","topic":"ping"}`;
      await send(receiver.url, { body, headers: { 'content-type': 'application/json', ...headers } });
      const event = await until(() => log.list()[0]?.forward && log.list()[0], 'the forward result');
      const replayed = await inbox.replay(event.key, forwarding!, 'rotated-secret');
      assert.ok(typeof replayed === 'object');
      return { body, replayed, header: app.received.at(-1)!.headers['x-hub-signature'] };
    };
    const verified = await replayOf({ 'x-hub-signature': signatureHeader('{"id":"notif_0","topic":"ping"}', SECRET) });
    assert.equal(verified.replayed.resigned, true);
    assert.equal(verified.header, signatureHeader(verified.body, 'rotated-secret'));

    const forged = signatureHeader('{"id":"notif_2","topic":"ping"}', 'a guess');
    const failed = await replayOf({ 'x-hub-signature': forged });
    assert.equal(failed.replayed.resigned, false);
    assert.equal(failed.header, forged, 'the signature it came with, not one made with the secret');

    const unsigned = await replayOf({});
    assert.equal(unsigned.replayed.resigned, false);
    assert.equal(unsigned.header, undefined);
  });

  test('forwards and replays carry the notification\'s headers only: never Authorization, Cookie or anything else a sender added', async () => {
    const body = '{"id":"notif_h","topic":"ping"}';
    await send(receiver.url, { body, headers: {
      'content-type': 'application/json', 'user-agent': 'intercom-parrot-service-client/1.0', 'x-hub-signature': signatureHeader(body, SECRET),
      authorization: 'Bearer stolen', cookie: 'session=1', 'x-forwarded-for': '203.0.113.9', 'x-custom': 'a',
    } });
    const event = await until(() => log.list()[0]?.forward && log.list()[0], 'the forward result');
    await inbox.replay(event.key, forwarding!, SECRET);
    assert.equal(app.received.length, 2);
    for (const { headers } of app.received) {
      const names = Object.keys(headers).filter((h) => !['host', 'connection', 'content-length', FORWARDED_MARK].includes(h)).sort();
      assert.deepEqual(names, ['content-type', 'user-agent', 'x-hub-signature'], JSON.stringify(headers));
    }
  });
});
