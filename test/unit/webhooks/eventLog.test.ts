import assert from 'node:assert/strict';
import { EventLog, bodyOf, summarize, type WebhookEvent } from '../../../src/webhooks/eventLog';

let seq = 0;
function event(patch: Partial<WebhookEvent> = {}): WebhookEvent {
  seq += 1;
  const body = Buffer.from(`{"id":"notif_${seq}","topic":"ping"}`);
  return { key: `k${seq}`, receivedAt: seq, source: 'delivery', method: 'POST', status: 200, headers: {}, bodyBase64: body.toString('base64'), size: body.length, ...summarize(body), ...patch };
}

suite('webhooks: event log model', () => {
  test('newest first; keeps the last N', () => {
    const log = new EventLog(3);
    const events = [event(), event(), event(), event()];
    events.forEach((e) => log.add(e));
    assert.deepEqual(log.list().map((e) => e.key), [events[3].key, events[2].key, events[1].key]);
    log.setLimit(2);
    assert.equal(log.size, 2);
  });

  test('deliveries with the same notification id are one group, at the place of the newest', () => {
    const log = new EventLog(10);
    const first = event({ notificationId: 'notif_dup' });
    const other = event();
    const again = event({ notificationId: 'notif_dup', attempt: 2 });
    const noId = event({ notificationId: undefined });
    [first, other, again, noId].forEach((e) => log.add(e));
    const groups = log.groups();
    assert.deepEqual(groups.map((g) => g.events.map((e) => e.key)), [[noId.key], [again.key, first.key], [other.key]]);
  });

  test('summarize reads id, topic and attempt; tolerates anything else', () => {
    assert.deepEqual(summarize(Buffer.from('{"id":"notif_9","topic":"ticket.created","delivery_attempts":2}')), { notificationId: 'notif_9', topic: 'ticket.created', attempt: 2 });
    assert.deepEqual(summarize(Buffer.from('not json')), {});
    assert.deepEqual(summarize(Buffer.from('[1]')), {});
    assert.deepEqual(summarize(Buffer.from('null')), {});
  });

  test('update, clear, and exact bytes back', () => {
    const log = new EventLog(10);
    const bytes = Buffer.from([0x7b, 0x7d, 0xff, 0x00]);
    const e = event({ bodyBase64: bytes.toString('base64') });
    log.add(e);
    assert.equal(log.update(e.key, { replays: 1 }), true);
    assert.equal(log.get(e.key)?.replays, 1);
    assert.equal(log.update('gone', { replays: 1 }), false);
    assert.deepEqual(bodyOf(log.get(e.key)!), bytes);
    log.clear();
    assert.equal(log.size, 0);
  });

  test('JSON round trip (workspace storage); junk in storage is dropped', () => {
    const log = new EventLog(10);
    log.add(event({ forward: { ok: false, failure: 'refused', ms: 3, at: 1, code: 'ECONNREFUSED' } }));
    log.add(event({ signature: { ok: false, problem: 'sha256' } }));
    const stored = JSON.parse(JSON.stringify(log));
    const restored = new EventLog(10, stored);
    assert.deepEqual(restored.list(), log.list());
    assert.equal(new EventLog(10, [{ nope: 1 }, null, 'x', ...stored]).size, 2);
    assert.equal(new EventLog(10, { not: 'an array' }).size, 0);
    assert.equal(new EventLog(1, stored).size, 1, 'the limit applies to stored events too');
  });
});
