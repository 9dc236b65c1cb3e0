import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeBatch } from './batch.js';
import type { UploadStatus } from '../types.js';
import { uploadItem } from '../test-support/upload-item.js';

const item = (status: UploadStatus, size: number, bytesUploaded: number) =>
  uploadItem(`${status}-${size}-${bytesUploaded}`, {
    name: 'f',
    size,
    mimeType: 'video/mp4',
    type: 'video',
    status,
    progress: size ? (bytesUploaded / size) * 100 : 0,
    bytesUploaded,
  });

test('progress is weighted by bytes, not by file count', () => {
  const batch = computeBatch([item('uploading', 900, 900), item('uploading', 100, 0)], 100);
  assert.equal(batch.progress, 90);
  assert.equal(batch.timeRemaining, 1);
  assert.equal(batch.speed, 100);
});

test('canceled files leave the sums; errors stay in them', () => {
  const batch = computeBatch([item('ready', 100, 100), item('canceled', 900, 10), item('error', 100, 50)], 0);
  assert.equal(batch.bytesTotal, 200);
  assert.equal(batch.progress, 75);
  assert.deepEqual(
    [batch.counts.ready, batch.counts.canceled, batch.counts.error, batch.total, batch.active],
    [1, 1, 1, 3, false],
  );
});

test('speed and time left show only while something uploads', () => {
  const batch = computeBatch([item('paused', 100, 10), item('processing', 100, 100)], 500);
  assert.equal(batch.speed, 0);
  assert.equal(batch.timeRemaining, null);
  assert.equal(batch.active, true);
});

test('an empty batch is idle at 0%, a batch of empty files is done', () => {
  assert.deepEqual([computeBatch([], 0).progress, computeBatch([], 0).active], [0, false]);
  assert.equal(computeBatch([item('ready', 0, 0)], 0).progress, 100);
});
