import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inList } from './in-list.js';

describe('inList', () => {
  it('pads a list to a power of two with its last value, keeping every value in its place', () => {
    const cases: [string[], string[]][] = [
      [['a'], ['a']],
      [
        ['a', 'b'],
        ['a', 'b'],
      ],
      [
        ['a', 'b', 'c'],
        ['a', 'b', 'c', 'c'],
      ],
      [
        ['a', 'b', 'c', 'd', 'e'],
        ['a', 'b', 'c', 'd', 'e', 'e', 'e', 'e'],
      ],
    ];
    for (const [values, padded] of cases) assert.deepEqual(inList(values), padded);
  });

  it('gives 8 lengths for lists of 1 to 100 values, and refuses an empty list', () => {
    const lengths = new Set(Array.from({ length: 100 }, (_, i) => inList(Array(i + 1).fill('x')).length));
    assert.deepEqual([...lengths], [1, 2, 4, 8, 16, 32, 64, 128]);
    assert.throws(() => inList([]));
  });
});
