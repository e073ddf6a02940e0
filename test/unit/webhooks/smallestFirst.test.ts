import assert from 'node:assert/strict';
import { SmallestFirst } from '../../../src/webhooks/smallestFirst';

suite('webhooks: smallest work first', () => {
  test('runs the smallest waiting job first, one job per turn of the event loop', async () => {
    const queue = new SmallestFirst((error) => assert.fail(String(error)));
    const ran: string[] = [];
    const turns: number[] = [];
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await new Promise<void>((resolve) => {
      const job = (name: string) => () => {
        ran.push(name);
        turns.push(turn);
        if (ran.length === 4) resolve();
      };
      queue.push(1_000_000, job('1 MiB'));
      queue.push(900, job('notification'));
      queue.push(500_000, job('half'));
      queue.push(10, job('tiny'));
    });
    ticking = false;
    assert.deepEqual(ran, ['tiny', 'notification', 'half', '1 MiB']);
    // The event loop turns between the jobs: timers and I/O never wait for a whole burst.
    assert.ok(new Set(turns).size === 4 && turns.every((t, i) => i === 0 || t > turns[i - 1]), `turns: ${turns}`);
  });

  test('a job that throws is reported and does not stop the others', async () => {
    const errors: unknown[] = [];
    const queue = new SmallestFirst((e) => errors.push(e));
    await new Promise<void>((resolve) => {
      queue.push(1, () => {
        throw new Error('bug');
      });
      queue.push(2, resolve);
    });
    assert.equal((errors[0] as Error).message, 'bug');
  });
});
