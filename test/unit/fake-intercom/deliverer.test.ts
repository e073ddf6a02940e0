// The fake's webhook deliverer against the extension's receiver and signature check: each flaw it can
// send is recognised for what it is, retries and duplicates keep the notification id.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventLog } from '../../../src/webhooks/eventLog';
import { Inbox } from '../../../src/webhooks/inbox';
import { MemoryEventStore } from '../../../src/webhooks/eventStore';
import { findFreePort, WebhookReceiver } from '../../../src/webhooks/receiver';
import { SAMPLE_DELIVERIES, deliverNotification, deliverSamplesWhenListening, type DeliveryFlaw } from '../../fake-intercom';
import { until } from '../../support/until';

const SECRET = 'deliverer-secret';

suite('fake Intercom: webhook deliverer', () => {
  let receiver: WebhookReceiver;
  let log: EventLog;
  setup(async () => {
    log = new EventLog(50, new MemoryEventStore());
    const inbox = new Inbox({ events: log, secrets: async () => ({ secret: SECRET, others: [] }), forwarding: () => undefined, onChange: () => undefined });
    receiver = await WebhookReceiver.start({ port: 0, onRequest: (r) => void inbox.receive(r) });
  });
  teardown(() => receiver.close());

  test('a signed notification: compact JSON envelope, Intercom\'s User-Agent, verified', async () => {
    const [report] = await deliverNotification({ url: receiver.url, topic: 'contact.user.created', secret: SECRET, appId: 'abc123' });
    assert.equal(report.delivered, true);
    assert.deepEqual(report.attempts, [{ attempt: 1, status: 200 }]);
    const event = await until(() => log.list()[0], 'the event to be logged');
    assert.deepEqual(event.signature, { ok: true });
    assert.equal((await log.record(event.key))?.headers['user-agent'], 'intercom-parrot-service-client/1.0');
    const body = JSON.parse(report.body);
    assert.equal(body.type, 'notification_event');
    assert.equal(body.topic, 'contact.user.created');
    assert.equal(body.app_id, 'abc123');
    assert.equal(body.id, report.id);
    assert.match(report.id, /^notif_/);
    assert.equal(report.body, JSON.stringify(body), 'compact JSON');
  });

  test('each flaw is recognised by the receiver for what it is', async () => {
    const expected: Record<Exclude<DeliveryFlaw, 'none'>, string> = { badSignature: 'mismatch', sha256: 'sha256', reserialised: 'reserialised', unsigned: 'missingHeader' };
    for (const [flaw, problem] of Object.entries(expected)) {
      const [report] = await deliverNotification({ url: receiver.url, topic: 'ping', secret: SECRET, flaw: flaw as DeliveryFlaw });
      const event = await until(() => log.list().find((e) => e.notificationId === report.id), `the ${flaw} delivery to be logged`);
      assert.deepEqual(event.signature, { ok: false, problem }, flaw);
    }
  });

  test('duplicates keep the id, so the log groups them', async () => {
    const reports = await deliverNotification({ url: receiver.url, topic: 'ticket.created', secret: SECRET, copies: 3 });
    assert.equal(new Set(reports.map((r) => r.id)).size, 1);
    await until(() => log.size === 3, 'three deliveries');
    assert.equal(log.groups().length, 1);
    assert.equal(log.groups()[0].events.length, 3);
  });

  test('retries after an error answer or no answer, counting delivery_attempts', async () => {
    const refused = await deliverNotification({ url: `http://127.0.0.1:${await findFreePort()}/`, topic: 'ping', secret: SECRET, retryDelaysMs: [10, 10] });
    assert.equal(refused[0].delivered, false);
    assert.deepEqual(refused[0].attempts.map((a) => a.error), ['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);

    let calls = 0;
    const flaky = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(++calls === 1 ? 503 : 200).end());
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const [report] = await deliverNotification({ url: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/`, topic: 'ping', secret: SECRET, retryDelaysMs: [10] });
      assert.deepEqual(report.attempts, [{ attempt: 1, status: 503 }, { attempt: 2, status: 200 }]);
      assert.equal(JSON.parse(report.body).delivery_attempts, 2);
    } finally {
      flaky.close();
    }
  });

  test('the sandbox watcher delivers the samples once the receiver comes up, again after a restart', async () => {
    const port = await findFreePort();
    await receiver.close();
    const lines: string[] = [];
    const stop = deliverSamplesWhenListening(`http://127.0.0.1:${port}/`, SECRET, (line) => lines.push(line), 50);
    try {
      const perRound = SAMPLE_DELIVERIES.reduce((n, d) => n + (d.copies ?? 1), 0);
      const inbox = new Inbox({ events: log, secrets: async () => ({ secret: SECRET, others: [] }), forwarding: () => undefined, onChange: () => undefined });
      const startReceiver = () => WebhookReceiver.start({ port, onRequest: (r) => void inbox.receive(r) });
      receiver = await startReceiver();
      await until(() => log.size === perRound, 'the sample deliveries', 10_000);
      assert.deepEqual(log.list().map((e) => (e.signature?.ok ? 'ok' : e.signature?.problem)).sort(), ['ok', 'ok', 'ok', 'sha256']);
      assert.equal(lines.filter((l) => l.startsWith('delivered')).length, SAMPLE_DELIVERIES.length);
      await receiver.close();
      await until(() => lines.some((l) => l.endsWith('stopped answering')), 'the watcher to see the receiver stop', 5000);
      receiver = await startReceiver();
      await until(() => log.size === 2 * perRound, 'a second round after the restart', 10_000);
    } finally {
      stop();
    }
  });
});
