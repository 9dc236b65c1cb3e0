import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRange, type RangeResult } from './range.js';

describe('parseRange', () => {
  const cases: [string | undefined, number, RangeResult][] = [
    [undefined, 100, { kind: 'full' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=90-500', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=5-2', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-1', 100, { kind: 'full' }],
    ['bytes=-', 100, { kind: 'full' }],
  ];
  for (const [header, size, expected] of cases) {
    it(`reads ${JSON.stringify(header)} of ${size} bytes as ${expected.kind}`, () => {
      assert.deepEqual(parseRange(header, size), expected);
    });
  }
});
