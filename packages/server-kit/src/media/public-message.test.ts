import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicMessage } from './public-message.js';

describe('publicMessage', () => {
  it('cuts storage and temp paths out of tool errors', () => {
    const cases: [string, string][] = [
      [
        'The video could not be read: /srv/mediabay/files/media/3f2a: Invalid data found when processing input',
        'The video could not be read: Invalid data found when processing input',
      ],
      ['ffprobe failed on /tmp/mediabay-x1/copy.mp4', 'ffprobe failed on'],
      ["cannot open '/var/lib/data/a b.mov'", "cannot open ' b.mov'"],
      ['C:\\data\\files\\media\\x: broken', 'broken'],
      ['see file:///srv/data/x for details', 'see for details'],
      ['/only/a/path', 'The file could not be processed.'],
    ];
    for (const [input, expected] of cases) {
      const output = publicMessage(input);
      assert.equal(output, expected);
      assert.doesNotMatch(output, /\/srv|\/tmp|\/var|C:\\|file:/);
    }
  });

  it('leaves messages without paths alone', () => {
    for (const message of [
      'The image is too large (16000x16000).',
      'Processing took longer than 60 s.',
      'a/b ratio 3:2',
    ]) {
      assert.equal(publicMessage(message), message);
    }
  });
});
