import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Engine } from './engine.js';
import { loadEngine } from './engine-load.js';

/** an engine that records what was done to it */
function recordingEngine(log: string[]): Engine {
  return {
    takeOver: () => log.push('takeOver'),
    destroy: () => log.push('destroy'),
  } as unknown as Engine;
}

test('a failed load (offline) is tried again by the next caller; the engine takes over once', async () => {
  const log: string[] = [];
  let tries = 0;
  const load = loadEngine(async () => {
    tries++;
    if (tries === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return () => recordingEngine(log);
  });
  await assert.rejects(load.loaded(), /Failed to fetch/);
  assert.equal(load.current, null);
  const [a, b] = await Promise.all([load.loaded(), load.loaded()]);
  assert.equal(a, b, 'one engine for every caller');
  assert.equal(load.current, a);
  assert.equal(tries, 2);
  assert.deepEqual(log, ['takeOver']);
  assert.equal(await load.loaded(), a);
});

test('closed before the module arrived: the engine is never started', async () => {
  const log: string[] = [];
  let release: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (release = resolve));
  const load = loadEngine(async () => {
    await arrived;
    return () => {
      log.push('started');
      return recordingEngine(log);
    };
  });
  const waiting = load.loaded();
  load.close();
  release();
  await assert.rejects(waiting, /destroyed before its engine loaded/);
  await assert.rejects(load.loaded(), /destroyed before its engine loaded/);
  assert.deepEqual(log, []);
  assert.equal(load.current, null);
});

test('after a failed load it tries again by itself, with backoff, until the engine is there', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const log: string[] = [];
  let tries = 0;
  const load = loadEngine(async () => {
    tries++;
    if (tries < 3) throw new TypeError('Failed to fetch dynamically imported module');
    return () => recordingEngine(log);
  });
  await assert.rejects(load.loaded());
  t.mock.timers.tick(1000); // first retry after 1 s: fails again
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(tries, 2);
  t.mock.timers.tick(1999); // the next one waits 2 s
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(tries, 2);
  t.mock.timers.tick(1);
  const engine = await load.arrived;
  assert.equal(tries, 3);
  assert.equal(load.current, engine);
  assert.deepEqual(log, ['takeOver']);
});
