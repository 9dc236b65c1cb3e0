import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerEvent } from '@mediabay/core/protocol';
import { createProgressGate } from './progress-gate.js';

const progress = (operationId: string): ServerEvent => ({
  type: 'media-upload-progress',
  operationId,
  data: { progress: 1, bytesReceived: 1, bytesTotal: 100 },
});
const complete = (operationId: string): ServerEvent => ({
  type: 'media-upload-complete',
  operationId,
  fileId: 'f'.repeat(32),
  success: true,
});

describe('progress gate', () => {
  it("passes every progress event of the user's own uploads", () => {
    const gate = createProgressGate('ann');
    for (let t = 0; t < 1000; t += 100) assert.equal(gate.admit(progress('op'), { userId: 'ann' }, t), true);
  });

  it("paces another user's upload to one event a second, per operation", () => {
    const gate = createProgressGate('ann');
    const admitted = (op: string): number[] =>
      [0, 100, 500, 999, 1000, 1500, 2100].filter((t) => gate.admit(progress(op), { userId: 'bob' }, t));
    assert.deepEqual(admitted('a'), [0, 1000, 2100]);
    assert.deepEqual(admitted('b'), [0, 1000, 2100]);
  });

  it('never holds back lifecycle events, and the next progress after one goes at once', () => {
    const gate = createProgressGate('ann');
    assert.equal(gate.admit(progress('a'), { userId: 'bob' }, 0), true);
    assert.equal(gate.admit(complete('a'), { userId: 'bob' }, 10), true);
    assert.equal(gate.admit(progress('a'), { userId: 'bob' }, 20), true);
  });

  it("a muted upload's progress is not sent until its next lifecycle event; nothing else is muted", () => {
    const gate = createProgressGate('ann');
    gate.mute('a');
    assert.equal(gate.admit(progress('a'), { userId: 'ann' }, 0), false);
    assert.equal(gate.admit(progress('a'), undefined, 1), false);
    assert.equal(gate.admit(progress('b'), { userId: 'ann' }, 2), true, 'another upload');
    const processing: ServerEvent = {
      type: 'media-processing-progress',
      operationId: 'a',
      fileId: 'f'.repeat(32),
      data: { progress: 5, stage: 'probe' },
    };
    assert.equal(gate.admit(processing, { userId: 'ann' }, 3), true, 'its processing');
    assert.equal(gate.admit(complete('a'), { userId: 'ann' }, 4), true);
    assert.equal(gate.admit(progress('a'), { userId: 'ann' }, 5), true, 'heard again after its lifecycle');
  });

  it('passes events published without an audience (nothing says whose they are)', () => {
    const gate = createProgressGate('ann');
    assert.equal(gate.admit(progress('a'), undefined, 0), true);
    assert.equal(gate.admit(progress('a'), undefined, 1), true);
  });
});
