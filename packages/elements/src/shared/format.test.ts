import { expect } from '@open-wc/testing';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatPercent,
  formatPlural,
  formatTimeLeft,
} from './format.js';

describe('format helpers', () => {
  const bytes: [number, string][] = [
    [0, '0 B'],
    [1023, '1,023 B'],
    [1536, '1.5 KB'],
    [150 * 1024, '150 KB'],
    [20 * 1024 * 1024, '20 MB'],
    [12.345 * 1024 * 1024, '12.3 MB'],
    [1.5 * 1024 ** 3, '1.5 GB'],
    [-1, ''],
    [Number.NaN, ''],
  ];
  for (const [input, expected] of bytes) {
    it(`formats ${input} bytes as "${expected}"`, () => expect(formatBytes(input)).to.equal(expected));
  }

  it('formats counts with the grouping of the locale, from one cached formatter', () => {
    expect(formatCount(12345, 'en')).to.equal('12,345');
    expect(formatCount(12345, 'fr')).to.equal('12\u202f345');
    expect(formatCount(1, 'en')).to.equal('1');
  });

  it('picks the noun form by the locale plural rules (Intl.PluralRules)', () => {
    const en: [number, string][] = [
      [0, '0 items'],
      [1, '1 item'],
      [2, '2 items'],
      [1.5, '1.5 items'],
    ];
    for (const [n, text] of en) expect(formatPlural(n, 'en', 'item', 'items')).to.equal(text);
    // French counts 0 and anything below 2 as singular
    const fr: [number, string][] = [
      [0, '0 élément'],
      [1, '1 élément'],
      [1.5, '1,5 élément'],
      [2, '2 éléments'],
    ];
    for (const [n, text] of fr) expect(formatPlural(n, 'fr', 'élément', 'éléments')).to.equal(text);
  });

  const durations: [number, string][] = [
    [0, '0:00'],
    [999, '0:01'],
    [65_000, '1:05'],
    [3_725_000, '1:02:05'],
    [-5, ''],
  ];
  for (const [input, expected] of durations) {
    it(`formats ${input} ms as "${expected}"`, () => expect(formatDuration(input)).to.equal(expected));
  }

  const timeLeft: [number | null, string][] = [
    [null, ''],
    [Number.POSITIVE_INFINITY, ''],
    [0.2, '1 sec'],
    [45, '45 sec'],
    [60, '1 min'],
    [90, '2 min'],
    [3600, '1 hr'],
    [3700, '1 hr 2 min'],
    [7199, '2 hr'],
  ];
  for (const [input, expected] of timeLeft) {
    it(`says ${input} seconds left as "${expected}"`, () => expect(formatTimeLeft(input)).to.equal(expected));
  }

  const percents: [number, string][] = [
    [0, '0%'],
    [42.7, '42%'],
    [99.99, '99%'],
    [100, '100%'],
    [140, '100%'],
    [-3, '0%'],
  ];
  for (const [input, expected] of percents) {
    it(`shows progress ${input} as "${expected}"`, () => expect(formatPercent(input)).to.equal(expected));
  }

  it('follows the locale for separators and units', () => {
    expect(formatBytes(1536, 'de')).to.equal('1,5 KB');
    expect(formatTimeLeft(45, 'fr').replace(/\s/g, ' ')).to.equal('45 s');
  });

  it('formats ISO dates and ignores garbage', () => {
    expect(formatDate('2026-11-26T10:00:00Z', 'en')).to.equal('Nov 26, 2026');
    expect(formatDate('not a date')).to.equal('');
  });
});
