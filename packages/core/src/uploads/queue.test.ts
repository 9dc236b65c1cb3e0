import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createQueue } from './queue.js';

function setup(concurrency?: number) {
  const started: string[] = [];
  const queue = createQueue({ concurrency, start: (id) => started.push(id) });
  return { queue, started };
}

test('starts at most three at a time by default, in FIFO order', () => {
  const { queue, started } = setup();
  for (const id of ['a', 'b', 'c', 'd', 'e']) queue.enqueue(id);
  assert.deepEqual(started, ['a', 'b', 'c']);
  assert.deepEqual(queue.waiting, ['d', 'e']);
  queue.release('b');
  assert.deepEqual(started, ['a', 'b', 'c', 'd']);
});

test('a paused (released) upload frees its slot and resumes at the front', () => {
  const { queue, started } = setup(1);
  for (const id of ['a', 'b', 'c']) queue.enqueue(id);
  queue.release('a');
  assert.deepEqual(started, ['a', 'b']);
  queue.enqueue('a', { front: true });
  assert.deepEqual(queue.waiting, ['a', 'c']);
  queue.release('b');
  assert.deepEqual(started, ['a', 'b', 'a']);
});

test('concurrency can change at run time', () => {
  const { queue, started } = setup(1);
  for (const id of ['a', 'b', 'c', 'd']) queue.enqueue(id);
  queue.setConcurrency(3);
  assert.deepEqual(started, ['a', 'b', 'c']);
  queue.setConcurrency(1);
  queue.release('a');
  queue.release('b');
  assert.deepEqual(started, ['a', 'b', 'c'], 'no new start while above the lowered limit');
  queue.release('c');
  assert.deepEqual(started, ['a', 'b', 'c', 'd']);
  assert.equal(queue.concurrency, 1);
});

test('releasing a waiting id removes it; enqueueing twice is a no-op', () => {
  const { queue, started } = setup(1);
  queue.enqueue('a');
  queue.enqueue('a');
  queue.enqueue('b');
  queue.enqueue('b');
  queue.release('b');
  queue.release('a');
  assert.deepEqual(started, ['a']);
  assert.equal(queue.running.size, 0);
});

test('a start that releases synchronously does not recurse and the queue drains', () => {
  const started: string[] = [];
  const queue = createQueue({
    concurrency: 2,
    start: (id) => {
      started.push(id);
      queue.release(id);
    },
  });
  for (let i = 0; i < 1000; i++) queue.enqueue(String(i));
  assert.equal(started.length, 1000);
  assert.equal(queue.waiting.length, 0);
});

test('invalid limits fall back to one', () => {
  for (const bad of [0, -3, Number.NaN])
    assert.equal(createQueue({ concurrency: bad, start: () => {} }).concurrency, 1);
});

test('uploads that take part of a slot run side by side, in FIFO order, within the limit', () => {
  const started: string[] = [];
  const shares: Record<string, number> = { big1: 1, big2: 1, big3: 1 };
  const queue = createQueue({
    concurrency: 2,
    start: (id) => started.push(id),
    share: (id) => shares[id] ?? 1 / 4,
  });
  for (const id of ['s1', 's2', 's3', 's4', 's5', 'big1', 's6', 's7']) queue.enqueue(id);
  // eight quarters fill two slots: s1-s5 take 5/4, big1 would make 9/4 and waits
  assert.deepEqual(started, ['s1', 's2', 's3', 's4', 's5']);
  assert.deepEqual(queue.waiting, ['big1', 's6', 's7'], 'the smaller ones behind do not overtake it');
  queue.release('s1');
  assert.deepEqual(started, ['s1', 's2', 's3', 's4', 's5', 'big1']);
  queue.release('s2');
  queue.release('s3');
  assert.deepEqual(started, ['s1', 's2', 's3', 's4', 's5', 'big1', 's6', 's7']);
  assert.equal(queue.running.size, 5);
  for (const id of ['s4', 's5', 's6', 's7']) queue.release(id);
  queue.enqueue('big2');
  queue.enqueue('big3');
  assert.deepEqual(started.slice(-1), ['big2'], 'whole-slot uploads still run two at a time');
  queue.release('big1');
  assert.deepEqual(started.slice(-1), ['big3']);
});
