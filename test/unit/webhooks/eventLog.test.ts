import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventLog, MAX_EVENTS, logLimit, summarize, type WebhookEvent } from '../../../src/webhooks/eventLog';
import { FileRecords, MemoryRecords, type DeliveryRecord } from '../../../src/webhooks/records';
import { until } from '../../support/until';

let seq = 0;
function event(patch: Partial<WebhookEvent> = {}): WebhookEvent {
  seq += 1;
  const body = Buffer.from(`{"id":"notif_${seq}","topic":"ping"}`);
  return { key: `k${seq}`, receivedAt: seq, source: 'delivery', method: 'POST', status: 200, size: body.length, kept: 0, ...summarize(body), ...patch };
}
const record = (bytes: number): DeliveryRecord => ({ headers: { 'content-type': 'application/json' }, body: Buffer.alloc(bytes, 0x20) });

suite('webhooks: event log model', () => {
  test('newest first; keeps the last N', () => {
    const log = new EventLog(3, [], new MemoryRecords());
    const events = [event(), event(), event(), event()];
    events.forEach((e) => log.add(e));
    assert.deepEqual(log.list().map((e) => e.key), [events[3].key, events[2].key, events[1].key]);
    log.setLimit(2);
    assert.equal(log.size, 2);
  });

  test('the limit stays within its bounds, whatever the setting says', () => {
    assert.equal(logLimit(500), 500);
    assert.equal(logLimit(1e9), MAX_EVENTS);
    assert.equal(logLimit(0), 1);
    assert.equal(logLimit(-5), 1);
    assert.equal(logLimit(2.7), 2);
    assert.equal(logLimit('many'), 500);
    assert.equal(logLimit(Number.NaN), 500);
    const log = new EventLog(1e9, [], new MemoryRecords());
    for (let i = 0; i < MAX_EVENTS + 5; i++) log.add(event());
    assert.equal(log.size, MAX_EVENTS);
  });

  test('deliveries with the same notification id are one group, at the place of the newest', () => {
    const log = new EventLog(10, [], new MemoryRecords());
    const first = event({ notificationId: 'notif_dup' });
    const other = event();
    const again = event({ notificationId: 'notif_dup', attempt: 2 });
    const noId = event({ notificationId: undefined });
    [first, other, again, noId].forEach((e) => log.add(e));
    const groups = log.groups();
    assert.deepEqual(groups.map((g) => g.events.map((e) => e.key)), [[noId.key], [again.key, first.key], [other.key]]);
  });

  test('summarize reads id, topic and attempt, each string cut to 200 characters; tolerates anything else', () => {
    assert.deepEqual(summarize(Buffer.from('{"id":"notif_9","topic":"ticket.created","delivery_attempts":2}')), { notificationId: 'notif_9', topic: 'ticket.created', attempt: 2 });
    assert.deepEqual(summarize(Buffer.from('not json')), {});
    assert.deepEqual(summarize(Buffer.from('[1]')), {});
    assert.deepEqual(summarize(Buffer.from('null')), {});
    const long = summarize(Buffer.from(JSON.stringify({ id: 'x'.repeat(1e6), topic: 't'.repeat(300) })));
    assert.equal(long.notificationId?.length, 201);
    assert.equal(long.topic, `${'t'.repeat(200)}…`);
  });

  test('update, clear, and the exact bytes back from the record', async () => {
    const records = new MemoryRecords();
    const log = new EventLog(10, [], records);
    const bytes = Buffer.from([0x7b, 0x7d, 0xff, 0x00]);
    const e = event();
    log.add(e, { headers: { 'x-hub-signature': 'sha1=00' }, body: bytes });
    assert.equal(log.update(e.key, { replays: 1 }), true);
    assert.equal(log.get(e.key)?.replays, 1);
    assert.equal(log.update('gone', { replays: 1 }), false);
    assert.deepEqual(await log.record(e.key), { headers: { 'x-hub-signature': 'sha1=00' }, body: bytes });
    log.clear();
    assert.equal(log.size, 0);
    assert.equal(await records.read(e.key), undefined, 'cleared with its event');
  });

  test('bytes kept are capped per event and in total: past the total the oldest bodies go, with a note, and every row stays', async () => {
    const records = new MemoryRecords();
    const log = new EventLog(100, [], records, { perEvent: 1000, total: 2500 });
    const large = event();
    log.add(large, record(5000));
    assert.equal(large.dropped, 'eventLimit');
    assert.deepEqual((await log.record(large.key))?.body, Buffer.alloc(0), 'its headers are kept, not its body');
    const events = [event(), event(), event(), event()];
    for (const e of events) log.add(e, record(700));
    assert.ok(log.kept <= 2500, String(log.kept));
    assert.equal(log.size, 5, 'no row is lost');
    assert.deepEqual(events.map((e) => e.dropped), ['logLimit', undefined, undefined, undefined]);
    assert.equal(events[0].kept, 0);
    assert.equal(await records.read(events[0].key), undefined);
    assert.equal((await log.record(events[3].key))?.body.length, 700);
  });

  test('events that leave the log take their records with them', async () => {
    const records = new MemoryRecords();
    const log = new EventLog(2, [], records);
    const [a, b, c] = [event(), event(), event()];
    [a, b, c].forEach((e) => log.add(e, record(10)));
    assert.equal(await records.read(a.key), undefined);
    log.setLimit(1);
    assert.equal(await records.read(b.key), undefined);
    assert.ok(await records.read(c.key));
  });

  test('JSON round trip (workspace storage): rows only, small whatever was received; junk in storage is dropped', () => {
    const log = new EventLog(10, [], new MemoryRecords());
    log.add(event({ forward: { ok: false, failure: 'refused', ms: 3, at: 1, code: 'ECONNREFUSED' } }), record(100_000));
    log.add(event({ signature: { ok: false, problem: 'sha256' } }), record(100_000));
    const stored = JSON.parse(JSON.stringify(log));
    assert.ok(JSON.stringify(stored).length < 1000, 'the bodies are not in the rows');
    const restored = new EventLog(10, stored, new MemoryRecords());
    assert.deepEqual(restored.list(), log.list());
    assert.equal(restored.kept, log.kept);
    assert.equal(new EventLog(10, [{ nope: 1 }, null, 'x', ...stored], new MemoryRecords()).size, 2);
    assert.equal(new EventLog(10, { not: 'an array' }, new MemoryRecords()).size, 0);
    assert.equal(new EventLog(1, stored, new MemoryRecords()).size, 1, 'the limit applies to stored events too');
  });
});

suite('webhooks: records on disk', () => {
  let dir: string;
  setup(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-'))));
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

  test('one file per event, written once: adding an event never rewrites the others', async () => {
    const records = new FileRecords(dir, (error) => assert.fail(String(error)));
    const body = Buffer.from([0x7b, 0x00, 0xff, 0x0a, 0x7d]);
    records.write('a', { headers: { 'x-hub-signature': 'sha1=00', 'content-type': 'application/json' }, body });
    assert.deepEqual(await records.read('a'), { headers: { 'x-hub-signature': 'sha1=00', 'content-type': 'application/json' }, body }, 'read back even before the write ends');
    await until(() => files().length === 1, 'the first file');
    const first = fs.statSync(path.join(dir, 'a')).mtimeMs;
    records.write('b', { headers: {}, body: Buffer.from('{}') });
    await until(() => files().length === 2, 'the second file');
    assert.equal(fs.statSync(path.join(dir, 'a')).mtimeMs, first);
    records.remove(['a']);
    await until(() => files().join() === 'b', 'a to be deleted');
    assert.equal(await records.read('a'), undefined);
    assert.deepEqual(await new FileRecords(dir, (error) => assert.fail(String(error))).read('b'), { headers: {}, body: Buffer.from('{}') }, 'after a reload');
  });

  test('records no row refers to (a crash between the two saves) are deleted; a key is never a path', async () => {
    const records = new FileRecords(dir, (error) => assert.fail(String(error)));
    for (const key of ['a', 'b', 'c']) records.write(key, { headers: {}, body: Buffer.from(key) });
    await until(() => files().length === 3, 'three files');
    records.keepOnly(new Set(['b']));
    await until(() => files().join() === 'b', 'only b');
    assert.throws(() => records.write('../x', { headers: {}, body: Buffer.alloc(0) }), /key/);
  });
});
