import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMetadata } from './tus-one-request.js';

test('metadata values are base64 of their UTF-8 bytes, as tus-js-client writes them', () => {
  const values = ['holiday.mp4', 'été 東京, "1".bin', 'line\nbreak', '', 'emoji 📷.png', 'a\u0000b'];
  for (const value of values)
    assert.equal(
      encodeMetadata({ filename: value }),
      `filename ${Buffer.from(value, 'utf8').toString('base64')}`,
      JSON.stringify(value),
    );
  assert.equal(encodeMetadata({ a: 'x', b: 'y' }), 'a eA==,b eQ==');
});
