import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSliceQueue, pushChunks } from './slices.js';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test('jobs run later, in order, a few milliseconds per task', async () => {
  const queue = createSliceQueue(5);
  const ran: number[] = [];
  for (let i = 0; i < 20; i++)
    queue.push(() => {
      busy(1);
      ran.push(i);
    });
  assert.deepEqual(ran, [], 'nothing runs inside the caller');
  await sleep(0);
  assert.ok(ran.length > 0 && ran.length < 20, `one slice ran ${ran.length} jobs`);
  while (queue.size > 0) await sleep(1);
  assert.deepEqual(ran, [...Array(20).keys()]);
});

test('drain runs what is left at once; clear forgets it', async () => {
  const queue = createSliceQueue();
  const ran: string[] = [];
  pushChunks(queue, ['a', 'b', 'c', 'd', 'e'], 2, (chunk) => ran.push(chunk.join('')));
  queue.drain();
  assert.deepEqual(ran, ['ab', 'cd', 'e']);
  queue.push(() => ran.push('late'));
  queue.clear();
  await sleep(5);
  assert.deepEqual(ran, ['ab', 'cd', 'e']);
  assert.equal(queue.size, 0);
});

test("a slice ends once its jobs' shares reach one, however little time they took; drain ignores shares", async () => {
  const queue = createSliceQueue(1000);
  const ran: number[] = [];
  for (let i = 0; i < 10; i++) queue.push(() => ran.push(i), 1 / 4);
  queue.push(() => ran.push(10));
  await sleep(0);
  assert.deepEqual(ran, [0, 1, 2, 3], 'four quarters: one slice');
  while (ran.length < 8) await sleep(0);
  assert.deepEqual(ran, [0, 1, 2, 3, 4, 5, 6, 7]);
  queue.drain();
  assert.deepEqual(ran, [...Array(11).keys()]);
});
