import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialEta, pauseEta, sampleEta, timeLeft, type EtaState } from './eta.js';

type Step = [timeMs: number, bytes: number] | ['pause'];

function run(steps: Step[]): number[] {
  let state: EtaState = initialEta();
  const speeds: number[] = [];
  for (const step of steps) {
    state = step[0] === 'pause' ? pauseEta(state) : sampleEta(state, step[1] as number, step[0]);
    speeds.push(state.speed);
  }
  return speeds;
}

/** a steady `rate` bytes/s from `from` ms to `to` ms, sampled every `every` ms, starting at `bytes` */
function steady(from: number, to: number, rate: number, bytes = 0, every = 500): Step[] {
  const steps: Step[] = [];
  for (let t = from; t <= to; t += every) steps.push([t, bytes + ((t - from) / 1000) * rate]);
  return steps;
}

test('a steady rate is measured exactly', () => {
  const speeds = run(steady(0, 10_000, 1_000_000));
  assert.equal(speeds.at(-1), 1_000_000);
});

test('after a rate change the estimate settles on the new rate and moves monotonically', () => {
  const first = steady(0, 10_000, 1_000_000);
  const second = steady(10_000, 30_000, 4_000_000, 10_000_000).slice(1);
  const speeds = run([...first, ...second]).slice(first.length);
  for (let i = 1; i < speeds.length; i++) assert.ok(speeds[i]! >= speeds[i - 1]!, `step ${i}`);
  assert.ok(Math.abs(speeds.at(-1)! - 4_000_000) < 4_000, `${speeds.at(-1)}`);
  assert.ok(speeds[0]! < 3_000_000, 'no jump to the new rate on the first sample');
});

test('a pause neither decays the estimate nor counts the paused time on resume', () => {
  const speeds = run([
    ...steady(0, 5_000, 2_000_000),
    ['pause'],
    ...steady(65_000, 70_000, 2_000_000, 10_000_000),
  ]);
  for (const speed of speeds.slice(1)) assert.equal(speed, 2_000_000);
});

test('bytes going down (a file left the batch) rebase the estimate without a jump', () => {
  const speeds = run([
    ...steady(0, 5_000, 1_000_000),
    [5_500, 2_000_000],
    ...steady(6_000, 8_000, 1_000_000, 2_500_000),
  ]);
  assert.ok(speeds.every((speed) => speed >= 0));
  assert.equal(speeds.at(-1), 1_000_000);
});

test('bursty samples closer than the window are merged, never negative or infinite', () => {
  const speeds = run([
    [0, 0],
    [1, 1000],
    [2, 1000],
    [300, 300_000],
    [301, 300_000],
    [600, 300_000],
    [900, 900_000],
  ]);
  for (const speed of speeds) assert.ok(Number.isFinite(speed) && speed >= 0, `${speed}`);
});

test('time left', () => {
  const cases: [remaining: number, speed: number, want: number | null][] = [
    [1000, 100, 10],
    [1001, 100, 11],
    [0, 0, 0],
    [-5, 100, 0],
    [1000, 0, null],
    [1000, Number.NaN, null],
  ];
  for (const [remaining, speed, want] of cases)
    assert.equal(timeLeft(remaining, speed), want, `${remaining}/${speed}`);
});
