import assert from 'node:assert/strict';
import { SmallestFirst, TURN_MS } from '../../../src/webhooks/smallestFirst';

/**
 * Runs `jobs` (size, milliseconds of work) and says in which turn of the event loop each ran, by name. A job's work
 * is time on the queue's clock, which moves only by it: a busy machine pausing the test changes nothing.
 */
async function turnsOf(jobs: [string, number, number][]): Promise<{ order: string[]; turn: Record<string, number> }> {
  let clock = 0;
  const queue = new SmallestFirst((error) => assert.fail(String(error)), () => clock);
  const order: string[] = [];
  const turn: Record<string, number> = {};
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  await new Promise<void>((resolve) => {
    for (const [name, size, ms] of jobs) {
      queue.push(size, () => {
        clock += ms; // the job's work
        order.push(name);
        turn[name] = turns;
        if (order.length === jobs.length) resolve();
      });
    }
  });
  ticking = false;
  return { order, turn };
}

suite('webhooks: smallest work first', () => {
  test('runs the smallest waiting job first', async () => {
    const { order } = await turnsOf([['1 MiB', 1_000_000, 0], ['notification', 900, 0], ['half', 500_000, 0], ['tiny', 10, 0]]);
    assert.deepEqual(order, ['tiny', 'notification', 'half', '1 MiB']);
  });

  test('quick jobs share a turn of the event loop; once a turn has worked its share, the next job waits for the next turn', async () => {
    const quick = await turnsOf([['a', 1, 0], ['b', 2, 0], ['c', 3, 0]]);
    assert.equal(new Set(Object.values(quick.turn)).size, 1, JSON.stringify(quick.turn));
    const slow = await turnsOf([['a', 1, TURN_MS], ['b', 2, TURN_MS], ['c', 3, TURN_MS]]);
    assert.ok(slow.turn.a < slow.turn.b && slow.turn.b < slow.turn.c, JSON.stringify(slow.turn));
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
