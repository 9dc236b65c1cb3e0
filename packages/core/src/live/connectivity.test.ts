import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnectivity } from './connectivity.js';

function fakeBrowser(onLine = true) {
  const listeners = new Set<() => void>();
  return {
    navigator: { onLine },
    addEventListener: (_: 'online', fn: () => void) => listeners.add(fn),
    removeEventListener: (_: 'online', fn: () => void) => listeners.delete(fn),
    goOnline() {
      this.navigator.onLine = true;
      for (const fn of listeners) fn();
    },
  };
}

test('a hundred waiting uploads cost one probe at a time, and all go when it succeeds', async () => {
  let probes = 0;
  let up = false;
  const gate = createConnectivity({
    probe: async () => (probes++, up),
    probeDelay: () => 5,
    target: fakeBrowser(),
  });
  let resumed = 0;
  for (let i = 0; i < 100; i++) gate.wait(() => resumed++);
  await sleep(60);
  assert.equal(resumed, 0);
  assert.ok(probes >= 2 && probes <= 15, `one probe per interval, not per upload (${probes})`);
  up = true;
  await sleep(30);
  assert.equal(resumed, 100);
  assert.equal(gate.size, 0);
  gate.close();
});

test('offline: no probe until the browser says online, then at once', async () => {
  let probes = 0;
  const browser = fakeBrowser(false);
  const gate = createConnectivity({
    probe: async () => (probes++, true),
    probeDelay: () => 5,
    target: browser,
  });
  let resumed = 0;
  gate.wait(() => resumed++);
  assert.equal(gate.offline, true);
  await sleep(40);
  assert.deepEqual([probes, resumed], [0, 0]);
  browser.goOnline();
  await sleep(5);
  assert.deepEqual([probes, resumed], [1, 1]);
  gate.close();
});

test('an upload that stops waiting (paused, canceled) is not resumed, and nothing probes for nobody', async () => {
  let probes = 0;
  const gate = createConnectivity({
    probe: async () => (probes++, false),
    probeDelay: () => 5,
    target: fakeBrowser(),
  });
  let resumed = 0;
  const stop = gate.wait(() => resumed++);
  stop();
  await sleep(40);
  assert.deepEqual([probes, resumed, gate.size], [0, 0, 0]);
  gate.close();
});
