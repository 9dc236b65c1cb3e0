import { expect } from '@open-wc/testing';
import { matchesAccept } from '@mediabay/core';
import { parseAccept } from './accept.js';

describe('accept patterns', () => {
  it('splits, trims and lowercases an accept attribute', () => {
    expect(parseAccept(' image/*, .PDF ,video/mp4,')).to.deep.equal(['image/*', '.pdf', 'video/mp4']);
    expect(parseAccept(undefined)).to.deep.equal([]);
  });

  const table: [string, string, string | undefined, boolean][] = [
    ['', 'application/x-anything', 'a.bin', true],
    ['image/*', 'image/png', 'a.png', true],
    ['image/*', 'video/mp4', 'a.mp4', false],
    ['video/mp4', 'VIDEO/MP4', 'a.mp4', true],
    ['video/mp4', 'video/webm', 'a.webm', false],
    ['.pdf', 'application/pdf', 'Report.PDF', true],
    ['.pdf', 'application/pdf', 'report.txt', false],
    // while dragging only MIME types are known: an extension pattern cannot reject yet
    ['.pdf', 'application/pdf', undefined, true],
    ['image/*, .pdf', 'text/plain', 'notes.txt', false],
  ];
  for (const [accept, mime, name, expected] of table) {
    it(`${expected ? 'accepts' : 'refuses'} ${mime} ${name ?? '(no name)'} for "${accept}"`, () => {
      expect(matchesAccept({ type: mime, name }, parseAccept(accept))).to.equal(expected);
    });
  }
});
