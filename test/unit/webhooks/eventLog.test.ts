import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize } from '../../../src/webhooks/envelope';
import { EventLog, MAX_EVENTS, logLimit, type WebhookEvent } from '../../../src/webhooks/eventLog';
import { FileEventStore, MemoryEventStore, type DeliveryRecord } from '../../../src/webhooks/eventStore';
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
    const log = new EventLog(3, new MemoryEventStore());
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
    const log = new EventLog(1e9, new MemoryEventStore());
    for (let i = 0; i < MAX_EVENTS + 5; i++) log.add(event());
    assert.equal(log.size, MAX_EVENTS);
  });

  test('deliveries with the same notification id are one group, at the place of the newest', () => {
    const log = new EventLog(10, new MemoryEventStore());
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
    const store = new MemoryEventStore();
    const log = new EventLog(10, store);
    const bytes = Buffer.from([0x7b, 0x7d, 0xff, 0x00]);
    const e = event();
    log.add(e, { headers: { 'x-hub-signature': 'sha1=00' }, body: bytes });
    assert.equal(log.update(e.key, { replays: 1 }), true);
    assert.equal(log.get(e.key)?.replays, 1);
    assert.equal(log.update('gone', { replays: 1 }), false);
    assert.deepEqual(await log.record(e.key), { headers: { 'x-hub-signature': 'sha1=00' }, body: bytes });
    log.clear();
    assert.equal(log.size, 0);
    assert.equal(await store.readRecord(e.key), undefined, 'cleared with its event');
  });

  test('bytes kept are capped per event and in total: past the total the oldest bodies go, with a note, and every row stays', async () => {
    const store = new MemoryEventStore();
    const log = new EventLog(100, store, { perEvent: 1000, total: 2500 });
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
    assert.equal(await store.readRecord(events[0].key), undefined);
    assert.equal((await log.record(events[3].key))?.body.length, 700);
  });

  test('events that leave the log take their records with them', async () => {
    const store = new MemoryEventStore();
    const log = new EventLog(2, store);
    const [a, b, c] = [event(), event(), event()];
    [a, b, c].forEach((e) => log.add(e, record(10)));
    assert.equal(await store.readRecord(a.key), undefined);
    log.setLimit(1);
    assert.equal(await store.readRecord(b.key), undefined);
    assert.ok(await store.readRecord(c.key));
  });

  test('restored from its store: rows newest first after those added meanwhile, within the limit; junk is dropped', async () => {
    const store = new MemoryEventStore();
    const log = new EventLog(10, store);
    const [a, b] = [event({ forward: { ok: false, failure: 'refused', ms: 3, at: 1, code: 'ECONNREFUSED' } }), event({ signature: { ok: false, problem: 'sha256' } })];
    log.add(a, record(100));
    log.add(b, record(100));
    store.saveRow('junk', { nope: 1 });
    const restored = new EventLog(10, store);
    const meanwhile = event();
    restored.add(meanwhile);
    await restored.restore();
    assert.deepEqual(restored.list(), [meanwhile, b, a]);
    assert.equal(restored.kept, log.kept);
    assert.deepEqual((await restored.record(a.key))?.body, record(100).body);
    const smaller = new EventLog(1, store);
    await smaller.restore();
    assert.deepEqual(smaller.list().map((e) => e.key), [meanwhile.key]);
    assert.deepEqual([...(await store.rows()).keys()], [meanwhile.key], 'the rows past the limit, and junk, are deleted');
  });
});

suite('webhooks: the event store on disk', () => {
  let dir: string;
  setup(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'events-'))));
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  const mtime = (file: string) => fs.statSync(path.join(dir, file)).mtimeMs;
  const failOnError = (error: unknown) => assert.fail(String(error));

  test('a change writes that event\'s row alone: no save rewrites the log or the bodies', async () => {
    const log = new EventLog(10, new FileEventStore(dir, failOnError));
    const [a, b] = [event(), event()];
    log.add(a, record(1000));
    log.add(b, record(1000));
    await until(() => files().length === 4, 'two rows and two records');
    const before = Object.fromEntries(files().map((f) => [f, mtime(f)]));
    // Until a file written now gets a later mtime than the rows (file systems differ in how fine their clock is).
    const probe = path.join(os.tmpdir(), `${path.basename(dir)}.probe`);
    const newest = Math.max(...Object.values(before));
    await until(() => {
      fs.writeFileSync(probe, '');
      return fs.statSync(probe).mtimeMs > newest;
    }, 'a later mtime');
    fs.rmSync(probe);
    log.update(b.key, { replays: 1 });
    await until(() => mtime(`${b.key}.json`) !== before[`${b.key}.json`], 'b\'s row to be written');
    assert.deepEqual(files().filter((f) => mtime(f) !== before[f]), [`${b.key}.json`]);
    const restored = new EventLog(10, new FileEventStore(dir, failOnError));
    await restored.restore();
    assert.deepEqual(restored.list(), log.list());
  });

  test('records read back byte for byte, even before they are on disk; deleted with their event', async () => {
    const store = new FileEventStore(dir, failOnError);
    const body = Buffer.from([0x7b, 0x00, 0xff, 0x0a, 0x7d]);
    const headers = { 'x-hub-signature': 'sha1=00', 'content-type': 'application/json' };
    store.writeRecord('a', { headers, body });
    assert.deepEqual(await store.readRecord('a'), { headers, body });
    store.saveRow('a', { key: 'a' });
    await until(() => files().length === 2, 'the files');
    assert.deepEqual(await new FileEventStore(dir, failOnError).readRecord('a'), { headers, body }, 'after a reload');
    store.remove(['a']);
    await until(() => files().length === 0, 'a to be deleted');
  });

  test('records without a row (a window closed between the two writes) are deleted; a key is never a path', async () => {
    const store = new FileEventStore(dir, failOnError);
    for (const key of ['a', 'b']) store.writeRecord(key, { headers: {}, body: Buffer.from(key) });
    store.saveRow('b', { key: 'b' });
    await until(() => files().length === 3, 'three files');
    assert.deepEqual(await new FileEventStore(dir, failOnError).rows(), new Map([['b', { key: 'b' }]]));
    await until(() => files().join() === 'b.http,b.json', 'a\'s record to be deleted');
    assert.throws(() => store.saveRow('../x', {}), /key/);
  });
});
