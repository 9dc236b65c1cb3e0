import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgressTracker } from './progress.js';

describe('progress tracker', () => {
  it('measures the rate of the current request only, so a resumed upload gets an honest ETA', () => {
    let t = 0;
    const tracker = createProgressTracker(() => t);
    const first = {};
    tracker.update('u', first, 0, 1000);
    t = 1000;
    assert.deepEqual(tracker.update('u', first, 100, 1000), {
      progress: 10,
      bytesReceived: 100,
      bytesTotal: 1000,
      timeRemaining: 9,
    });
    const resumed = {};
    t = 60_000;
    const start = tracker.update('u', resumed, 500, 1000);
    assert.equal(start?.timeRemaining, undefined, 'no rate yet for the new request');
    t = 61_000;
    assert.equal(tracker.update('u', resumed, 750, 1000)?.timeRemaining, 1);
  });

  it('reports nothing after the upload is done', () => {
    const tracker = createProgressTracker(() => 0);
    tracker.forget('u');
    assert.equal(tracker.update('u', {}, 10, 100), undefined);
  });

  it('allows a database write at most once per interval', () => {
    let t = 0;
    const tracker = createProgressTracker(() => t);
    tracker.update('u', {}, 0, 10);
    t = 5000;
    assert.equal(tracker.shouldPersist('u', 1000), true);
    t = 5500;
    assert.equal(tracker.shouldPersist('u', 1000), false);
    t = 6000;
    assert.equal(tracker.shouldPersist('u', 1000), true);
  });

  it('forgets uploads abandoned for an hour', () => {
    let t = 0;
    const tracker = createProgressTracker(() => t);
    tracker.update('old', {}, 0, 10);
    t = 2 * 60 * 60 * 1000;
    tracker.update('new', {}, 0, 10);
    assert.equal(tracker.shouldPersist('old', 0), false, 'the abandoned sample is gone');
  });
});
