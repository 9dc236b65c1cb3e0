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
