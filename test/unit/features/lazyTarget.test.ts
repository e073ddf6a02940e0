import assert from 'node:assert/strict';
import { LazyTarget } from '../../../src/features/lazyTarget';

/** A disposable that counts its disposals. */
const relay = () => {
  const r = { disposed: 0, dispose: () => void r.disposed++ };
  return r;
};

suite('LazyTarget: what activation\'s registrations forward to', () => {
  test('loads on the first get only, and not before', () => {
    let loads = 0;
    const lazy: LazyTarget<string> = new LazyTarget(() => { loads++; lazy.attach('rows'); }, 'the rows of a view');
    assert.equal(lazy.attached, false);
    assert.equal(loads, 0, 'creating it loads nothing');
    assert.equal(lazy.get(), 'rows');
    assert.equal(lazy.get(), 'rows');
    assert.equal(loads, 1);
    assert.equal(lazy.attached, true);
  });

  test('a load that attaches nothing is an error naming the target, asked again on the next call', () => {
    let loads = 0;
    const lazy = new LazyTarget<string>(() => void loads++, 'the authentication provider');
    assert.throws(() => lazy.get(), { message: 'no feature attached the authentication provider' });
    assert.throws(() => lazy.get());
    assert.equal(loads, 2);
  });

  test('attaching again stops the previous relay of change events; dispose stops the current one', () => {
    const lazy = new LazyTarget<string>(() => undefined, 'x');
    const first = relay();
    const second = relay();
    lazy.attach('a', first);
    lazy.attach('b', second);
    assert.equal(lazy.get(), 'b');
    assert.deepEqual([first.disposed, second.disposed], [1, 0]);
    lazy.dispose();
    assert.deepEqual([first.disposed, second.disposed], [1, 1]);
  });
});
