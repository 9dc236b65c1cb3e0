import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorkerPool } from './worker-pool.js';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('worker pool', () => {
  it('never runs more than its concurrency, in FIFO order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const pool = createWorkerPool<number>(2, async (n) => {
      started.push(n);
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      running -= 1;
    });
    for (let i = 0; i < 7; i++) pool.push(i);
    await pool.idle();
    assert.equal(peak, 2);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps going after a job throws', async () => {
    const done: number[] = [];
    const pool = createWorkerPool<number>(1, async (n) => {
      if (n === 1) throw new Error('boom');
      done.push(n);
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      [0, 1, 2].forEach((n) => pool.push(n));
      await pool.idle();
    } finally {
      console.error = original;
    }
    assert.deepEqual(done, [0, 2]);
  });

  it('on close, drops queued jobs and waits for running ones', async () => {
    const done: number[] = [];
    const pool = createWorkerPool<number>(1, async (n) => {
      await tick(20);
      done.push(n);
    });
    [0, 1, 2].forEach((n) => pool.push(n));
    await tick();
    await pool.close();
    assert.deepEqual(done, [0]);
    pool.push(3);
    await tick(30);
    assert.deepEqual(done, [0]);
  });
});

describe('worker pool fairness', () => {
  it("takes queued jobs from each tenant in turn, so one tenant's backlog does not hold another's", async () => {
    const started: string[] = [];
    const pool = createWorkerPool<string>(1, async (job) => {
      started.push(job);
      await tick(1);
    });
    for (let i = 0; i < 5; i++) pool.push(`a${i}`, 'tenant-a');
    pool.push('b0', 'tenant-b');
    pool.push('b1', 'tenant-b');
    pool.push('c0', 'tenant-c');
    await pool.idle();
    // a0 was already running when the others arrived; then one job per tenant with work, in turn
    assert.deepEqual(started, ['a0', 'a1', 'b0', 'c0', 'a2', 'b1', 'a3', 'a4']);
  });

  it('gives a tenant that arrives late the next free slot, ahead of a long backlog', async () => {
    const started: string[] = [];
    const pool = createWorkerPool<string>(2, async (job) => {
      started.push(job);
      await tick(2);
    });
    for (let i = 0; i < 20; i++) pool.push(`bomb${i}`, 'attacker');
    pool.push('photo', 'victim');
    await pool.idle();
    // two bombs were running, the attacker's turn was next; then the victim's
    assert.equal(started.indexOf('photo'), 3);
    assert.equal(started.length, 21);
  });
});
