import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeBatch } from './batch.js';
import { createUploadStore, withFileEta } from './uploads-store.js';
import { uploadItem } from '../test-support/upload-item.js';

const item = (id: string, size = 1000) => uploadItem(id, { size });

/** a file through start, progress, success and done */
function finish(store: ReturnType<typeof createUploadStore>, id: string, size = 1000): void {
  store.dispatch(id, { type: 'UPLOAD.START' });
  store.dispatch(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: size });
  store.dispatch(id, { type: 'UPLOAD.SUCCESS', fileId: `f-${id}` });
  store.dispatch(id, { type: 'PROCESSING.DONE' });
}

test('finished files that leave $uploads still count in the batch until it is over', () => {
  const store = createUploadStore();
  const ids = Array.from({ length: 10 }, (_, i) => `id${i}`);
  store.add(ids.map((id) => item(id)));
  for (const id of ids.slice(0, 3)) finish(store, id);
  store.flush();
  let batch = store.$batch.get();
  assert.deepEqual([batch.batchDone, batch.batchTotal, batch.progress], [3, 10, 30]);
  store.remove(ids.slice(0, 3));
  store.flush();
  batch = store.$batch.get();
  assert.deepEqual([batch.batchDone, batch.batchTotal, batch.progress, batch.total], [3, 10, 30, 7]);
  store.dispatch('id3', { type: 'UPLOAD.START' });
  store.dispatch('id3', {
    type: 'UPLOAD.ERROR',
    error: { code: 'rejected', message: 'No.', retryable: false },
  });
  for (const id of ids.slice(4)) finish(store, id);
  store.flush();
  batch = store.$batch.get();
  assert.deepEqual([batch.batchDone, batch.batchFailed, batch.batchTotal, batch.active], [9, 1, 10, false]);
  store.destroy();
});

test('the next add after a finished batch starts a new one; an add during a batch joins it', () => {
  const store = createUploadStore();
  store.add([item('a'), item('b')]);
  finish(store, 'a');
  finish(store, 'b');
  store.flush();
  assert.equal(store.$batch.get().batchDone, 2);
  store.add([item('c')]);
  store.flush();
  assert.deepEqual([store.$batch.get().batchTotal, store.$batch.get().batchDone], [1, 0]);
  store.add([item('d')]);
  finish(store, 'c');
  store.flush();
  assert.deepEqual([store.$batch.get().batchTotal, store.$batch.get().batchDone], [2, 1]);
  store.destroy();
});

test('batch progress never goes down as files finish and leave, only when files are added or canceled', () => {
  let seed = 11;
  const random = (n: number) => (((seed = (seed * 48271) % 2147483647) % n) + n) % n;
  const store = createUploadStore();
  const ids = Array.from({ length: 200 }, (_, i) => `id${i}`);
  store.add(ids.map((id) => item(id, 100 + random(5000))));
  let last = 0;
  let left = [...ids];
  while (left.length > 0) {
    const id = left[random(left.length)]!;
    const current = store.get(id)!;
    if (current.status === 'queued') store.dispatch(id, { type: 'UPLOAD.START' });
    else if (current.bytesUploaded < current.size)
      store.dispatch(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: current.bytesUploaded + 1000 });
    else {
      store.dispatch(id, { type: 'UPLOAD.SUCCESS' });
      store.dispatch(id, { type: 'PROCESSING.DONE' });
      store.remove([id]);
      left = left.filter((other) => other !== id);
    }
    store.flush();
    const { progress } = store.$batch.get();
    assert.ok(progress >= last, `${progress} after ${last}`);
    last = progress;
  }
  store.flush(); // the last file leaves one write after it was shown ready
  assert.deepEqual([last, store.$batch.get().batchDone, store.$batch.get().total], [100, 200, 0]);
  store.destroy();
});

test('a canceled file leaves the batch total', () => {
  const store = createUploadStore();
  store.add([item('a'), item('b')]);
  store.dispatch('a', { type: 'UPLOAD.CANCEL' });
  finish(store, 'b');
  store.flush();
  assert.deepEqual([store.$batch.get().batchTotal, store.$batch.get().progress], [1, 100]);
  store.destroy();
});

test("the batch's time left is never less than its slowest file's, and is that file's when it is all that is left", () => {
  const batch = { ...computeBatch([], 0), bytesTotal: 1000, bytesUploaded: 400, timeRemaining: 6 };
  // 600 bytes left in the batch, the slowest uploading file has 200 of them left and needs 9 s
  assert.equal(withFileEta(batch, { seconds: 9, bytes: 200 }).timeRemaining, 9);
  assert.equal(withFileEta(batch, { seconds: 3, bytes: 200 }).timeRemaining, 6);
  // the file's bytes are the batch's: one estimate
  assert.equal(withFileEta(batch, { seconds: 4, bytes: 600 }).timeRemaining, 4);
  assert.equal(withFileEta(batch, { seconds: null, bytes: 0 }).timeRemaining, 6);
});

test('an item removed before its last change was written is shown in that state for one write first', () => {
  const store = createUploadStore();
  store.add([item('a')]);
  const seen: string[] = [];
  const off = store.$uploads.listen((uploads) => seen.push(uploads.a?.status ?? 'gone'));
  finish(store, 'a');
  store.remove(['a']);
  assert.equal(store.get('a'), undefined, 'gone for callers at once');
  store.flush();
  store.flush();
  assert.deepEqual(seen, ['ready', 'gone']);
  off();
  store.destroy();
});
