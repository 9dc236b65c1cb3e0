import { expect } from '@open-wc/testing';
import { autoScrollSpeed, columnsFrom, nextIndex } from './navigation.js';

describe('library navigation', () => {
  // 10 items in 4 columns:  0 1 2 3 / 4 5 6 7 / 8 9
  const table: [string, number, boolean, number | null][] = [
    ['ArrowRight', 0, false, 1],
    ['ArrowRight', 9, false, 9],
    ['ArrowLeft', 0, false, 0],
    ['ArrowLeft', 5, false, 4],
    ['ArrowDown', 1, false, 5],
    ['ArrowDown', 6, false, 6], // no item below: stay
    ['ArrowDown', 5, false, 9],
    ['ArrowUp', 9, false, 5],
    ['ArrowUp', 2, false, 2],
    ['Home', 7, false, 0],
    ['End', 2, false, 9],
    ['PageDown', 0, false, 9],
    ['ArrowLeft', 5, true, 6], // right to left: left moves forward
    ['ArrowRight', 5, true, 4],
    ['a', 3, false, null],
  ];
  for (const [key, from, rtl, expected] of table) {
    it(`${key}${rtl ? ' (rtl)' : ''} from ${from} goes to ${expected}`, () => {
      expect(nextIndex(key, from, 10, 4, rtl)).to.equal(expected);
    });
  }

  it('moves nowhere in an empty library', () => {
    expect(nextIndex('ArrowDown', 0, 0, 4)).to.equal(null);
  });

  const speeds: [number, number][] = [
    [300, 0],
    [100, 0], // the band's inner border
    [76, -12], // halfway into the top band
    [52, -24],
    [10, -24], // past the edge: full speed, not more
    [500, 12],
    [600, 24],
  ];
  for (const [y, expected] of speeds) {
    it(`scrolls ${expected} px per frame with the pointer at ${y} of 52..524`, () => {
      expect(autoScrollSpeed(y, 52, 524)).to.equal(expected);
    });
  }

  it('counts the columns of the first row', () => {
    expect(columnsFrom([16, 16.4, 16, 244, 244])).to.equal(3);
    expect(columnsFrom([])).to.equal(1);
  });
});
