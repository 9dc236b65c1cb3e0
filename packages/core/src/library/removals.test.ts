import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRemovalSweeper, sweepTime } from './removals.js';
import { waitFor } from '../test-support/wait.js';

test('items finishing within one step leave together, after their delay', async () => {
  const removed: string[][] = [];
  const start = Date.now();
  let times: number[] = [];
  // the clock the sweeper reads moves only where the test says: three items finished in the same
  // millisecond never straddle a step's edge, however the real clock ticks between the calls
  let clock = start;
  const sweeper = createRemovalSweeper({
    delay: 100,
    now: () => clock,
    remove: (ids) => {
      removed.push(ids);
      times.push(Date.now() - start);
    },
  });
  for (const id of ['a', 'b', 'c']) sweeper.schedule(id);
  sweeper.schedule('a'); // scheduled once only
  await sleep(15);
  clock = Date.now();
  const dAt = clock - start;
  sweeper.schedule('d');
  await waitFor(() => removed.flat().length >= 4, 2000, 'the sweeps', 10);
  assert.deepEqual(removed.flat().sort(), ['a', 'b', 'c', 'd']);
  assert.ok(removed.length <= 2, `${removed.length} sweeps for 4 items in 2 steps at most`);
  assert.deepEqual(removed[0]!.slice(0, 3), ['a', 'b', 'c']);
  assert.ok(times[0]! >= 99, `first sweep at ${times[0]} ms, not before the delay`);
  // d leaves at the end of its step (20 ms past its delay), give or take a late timer on a busy machine
  assert.ok(times.at(-1)! <= dAt + 100 + 20 + 100, `last sweep at ${times.at(-1)} ms, within a step`);
  times = [];
  sweeper.destroy();
});

test('the step is a fifth of the delay, at most a second', () => {
  const cases: [due: number, delay: number, at: number][] = [
    [5_001, 5_000, 6_000],
    [5_999, 5_000, 6_000],
    [6_000, 5_000, 6_000],
    [51, 50, 60],
    [60, 50, 60],
    [61, 50, 70],
    [7, 0, 7],
  ];
  for (const [due, delay, at] of cases) assert.equal(sweepTime(due, delay), at, `due ${due}, delay ${delay}`);
});

test('items due in the same step share one removal, the next step gets its own', async () => {
  const removed: string[][] = [];
  let clock = 1;
  const sweeper = createRemovalSweeper({ delay: 50, remove: (ids) => removed.push(ids), now: () => clock });
  sweeper.schedule('x'); // due 51: leaves at 60
  clock = 9;
  sweeper.schedule('y'); // due 59: leaves at 60
  clock = 11;
  sweeper.schedule('z'); // due 61: leaves at 70
  await sleep(150);
  assert.deepEqual(removed, [['x', 'y'], ['z']]);
  sweeper.destroy();
});

test('an item can be scheduled again after it left; destroy cancels what is due', async () => {
  const removed: string[] = [];
  const sweeper = createRemovalSweeper({ delay: 0, remove: (ids) => removed.push(...ids) });
  sweeper.schedule('a');
  await sleep(5);
  sweeper.schedule('a');
  await sleep(5);
  assert.deepEqual(removed, ['a', 'a']);
  sweeper.schedule('b');
  sweeper.destroy();
  await sleep(5);
  assert.deepEqual(removed, ['a', 'a']);
});

test('an infinite delay keeps items', async () => {
  const removed: string[] = [];
  const sweeper = createRemovalSweeper({ delay: Infinity, remove: (ids) => removed.push(...ids) });
  sweeper.schedule('a');
  await sleep(5);
  assert.deepEqual(removed, []);
  sweeper.destroy();
});
