import assert from 'node:assert/strict';
import { NONCE_TTL_MS, PendingConnects } from '../../../src/connect/pending';

suite('PendingConnects (nonce lifecycle)', () => {
  let now = 0;
  const clock = () => now;
  setup(() => (now = 1_000_000));

  test('a nonce has at least 128 bits and only base64url characters', () => {
    const pending = new PendingConnects(clock);
    const a = pending.start().nonce;
    const b = pending.start().nonce;
    assert.match(a, /^[A-Za-z0-9_-]+$/);
    assert.ok(Buffer.from(a, 'base64url').length * 8 >= 128);
    assert.notEqual(a, b);
  });

  test('delivers the payload to the Connect that owns the nonce, once', async () => {
    const pending = new PendingConnects(clock);
    const connect = pending.start();
    assert.deepEqual(pending.deliver(connect.nonce, { code: 'c+/=' }), { status: 'delivered' });
    assert.deepEqual(await connect.callback, { code: 'c+/=' });
    assert.deepEqual(pending.deliver(connect.nonce, { code: 'again' }), { status: 'replayed' });
  });

  test('several Connects in flight each get their own callback', async () => {
    const pending = new PendingConnects(clock);
    const first = pending.start();
    const second = pending.start();
    assert.equal(pending.size, 2);
    pending.deliver(second.nonce, { code: 'two' });
    pending.deliver(first.nonce, { code: 'one' });
    assert.deepEqual(await first.callback, { code: 'one' });
    assert.deepEqual(await second.callback, { code: 'two' });
    assert.equal(pending.size, 0);
  });

  test('missing, unknown and forged nonces are told apart and deliver nothing', () => {
    const pending = new PendingConnects(clock);
    const connect = pending.start();
    let settled = false;
    void connect.callback.then(() => (settled = true));
    assert.deepEqual(pending.deliver(undefined, { code: 'x' }), { status: 'missing' });
    assert.deepEqual(pending.deliver('', { code: 'x' }), { status: 'missing' });
    assert.deepEqual(pending.deliver('not-ours', { code: 'x' }), { status: 'unknown' });
    assert.deepEqual(pending.deliver(connect.nonce.slice(0, -1), { code: 'x' }), { status: 'unknown' });
    assert.deepEqual(pending.deliver(connect.nonce.toUpperCase(), { code: 'x' }), { status: 'unknown' });
    assert.equal(pending.size, 1);
    return Promise.resolve().then(() => assert.equal(settled, false));
  });

  test('a nonce expires after 10 minutes', () => {
    const pending = new PendingConnects(clock);
    const connect = pending.start();
    now += NONCE_TTL_MS + 1;
    assert.deepEqual(pending.deliver(connect.nonce, { code: 'late' }), { status: 'expired' });
    assert.deepEqual(pending.deliver(connect.nonce, { code: 'late' }), { status: 'expired' });
  });

  test('just inside 10 minutes is still valid', () => {
    const pending = new PendingConnects(clock);
    const connect = pending.start();
    now += NONCE_TTL_MS - 1;
    assert.deepEqual(pending.deliver(connect.nonce, { code: 'ok' }), { status: 'delivered' });
  });

  test('a cancelled or timed-out Connect refuses its late callback', () => {
    const pending = new PendingConnects(clock);
    const cancelled = pending.start();
    const timedOut = pending.start();
    cancelled.close('cancelled');
    timedOut.close('timedOut');
    assert.deepEqual(pending.deliver(cancelled.nonce, { code: 'x' }), { status: 'closed', reason: 'cancelled' });
    assert.deepEqual(pending.deliver(timedOut.nonce, { code: 'x' }), { status: 'closed', reason: 'timedOut' });
  });

  test('closing after delivery keeps it a replay, not a cancellation', () => {
    const pending = new PendingConnects(clock);
    const connect = pending.start();
    pending.deliver(connect.nonce, { code: 'x' });
    connect.close('cancelled');
    assert.deepEqual(pending.deliver(connect.nonce, { code: 'x' }), { status: 'replayed' });
  });
});
