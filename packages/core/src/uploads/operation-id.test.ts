import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOperationId, randomBase36 } from './operation-id.js';
import { isOperationId } from '../protocol.js';

test('operation ids match the wire pattern and carry the creation time', () => {
  const id = createOperationId(1764140000000);
  assert.ok(isOperationId(id), id);
  assert.match(id, /^media_upload_1764140000000_[0-9a-z]{15}$/);
});

test('operation ids do not repeat', () => {
  const ids = new Set(Array.from({ length: 5000 }, () => createOperationId()));
  assert.equal(ids.size, 5000);
});

test('every base36 digit is drawn about equally often', () => {
  const counts = new Map<string, number>();
  const sample = randomBase36(36 * 2000);
  for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
  assert.equal(counts.size, 36);
  // Expected 2000 each; a modulo-biased draw gives the first 4 digits ~2100+. Allow 6 sigma (~270).
  for (const [char, count] of counts) assert.ok(Math.abs(count - 2000) < 270, `${char}: ${count}`);
});
