import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, withJitter } from './backoff.js';

test('backoff doubles from one second and stops at thirty', () => {
  const table: [attempt: number, want: number][] = [
    [0, 1000],
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [4, 16000],
    [5, 30000],
    [20, 30000],
    [-1, 1000],
  ];
  for (const [attempt, want] of table) assert.equal(backoffDelay(attempt), want, `attempt ${attempt}`);
});

test('jitter keeps the delay between half and all of it', () => {
  assert.equal(
    withJitter(1000, () => 0),
    500,
  );
  assert.equal(
    withJitter(1000, () => 0.999999),
    999.9995,
  );
});
