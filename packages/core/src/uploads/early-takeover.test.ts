import { test } from 'node:test';
import assert from 'node:assert/strict';
import { earlyTakeover } from './early-takeover.js';

test('takes over once, when the client holds the engine and the resume records are read', () => {
  let taken = 0;
  const takeover = earlyTakeover(() => taken++);
  takeover.met('restored');
  assert.equal(taken, 0, 'the client does not hold the engine yet');
  takeover.met('held');
  assert.equal(taken, 1);
  takeover.met('held');
  takeover.met('restored');
  assert.equal(taken, 1, 'once');
});

test('a restore that does not end holds the early uploads back for waitMs at most', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let taken = 0;
  const takeover = earlyTakeover(() => taken++, 5000);
  takeover.met('held');
  t.mock.timers.tick(4999);
  assert.equal(taken, 0);
  t.mock.timers.tick(1);
  assert.equal(taken, 1);
  takeover.met('restored'); // the records come after all
  assert.equal(taken, 1);
});

test('closed (the client destroyed): no takeover, and no timer left', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let taken = 0;
  const takeover = earlyTakeover(() => taken++, 5000);
  takeover.close();
  takeover.met('held');
  takeover.met('restored');
  t.mock.timers.tick(10_000);
  assert.equal(taken, 0);
});
