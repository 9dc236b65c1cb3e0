import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { batch } from 'nanostores';
import { computeBatch } from './batch.js';
import type { UploadEvent } from './upload-machine.js';
import { createUploadStore } from './uploads-store.js';
import { uploadItem } from '../test-support/upload-item.js';

const item = (id: string, size = 1000) => uploadItem(id, { size });

test('adding 10,000 items is one store notification', () => {
  const store = createUploadStore();
  let notifications = 0;
  const off = store.$uploads.listen(() => notifications++);
  store.add(Array.from({ length: 10_000 }, (_, i) => item(`id${i}`)));
  assert.equal(notifications, 1);
  assert.equal(Object.keys(store.$uploads.get()).length, 10_000);
  off();
  store.destroy();
});

test('changes from many uploads are written once per frame', async () => {
  const store = createUploadStore();
  const ids = Array.from({ length: 20 }, (_, i) => `id${i}`);
  store.add(ids.map((id) => item(id)));
  for (const id of ids) store.dispatch(id, { type: 'UPLOAD.START' });
  let notifications = 0;
  const off = store.$uploads.listen(() => notifications++);
  for (let bytes = 1; bytes <= 50; bytes++)
    for (const id of ids) store.dispatch(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: bytes });
  assert.equal(notifications, 0, 'nothing written synchronously');
  assert.equal(store.get('id3')?.bytesUploaded, 50, 'but get() sees the newest value');
  await sleep(40);
  assert.equal(notifications, 1);
  assert.equal(store.$uploads.get().id3?.bytesUploaded, 50);

  store.dispatch('id0', { type: 'UPLOAD.PROGRESS', bytesUploaded: 60 });
  store.dispatch('id1', { type: 'UPLOAD.PAUSE' });
  store.dispatch('id2', { type: 'UPLOAD.PAUSE' });
  assert.equal(notifications, 1);
  store.flush();
  assert.equal(notifications, 2, 'progress and pauses land together in one write');
  assert.equal(store.$uploads.get().id0?.bytesUploaded, 60);
  assert.equal(store.$uploads.get().id1?.status, 'paused');
  assert.equal(store.$uploads.get().id2?.status, 'paused');
  off();
  store.destroy();
});

test('ignored events change nothing and report null', () => {
  const store = createUploadStore();
  store.add([item('a')]);
  const before = store.$uploads.get();
  assert.equal(store.dispatch('a', { type: 'UPLOAD.RESUME' }), null);
  assert.equal(store.dispatch('missing', { type: 'UPLOAD.START' }), null);
  assert.equal(store.$uploads.get(), before);
  store.destroy();
});

test('batch speed and time left come from the measured byte rate', () => {
  let clock = 0;
  const store = createUploadStore({ now: () => clock });
  store.add([item('a', 10_000), item('b', 10_000)]);
  store.dispatch('a', { type: 'UPLOAD.START' });
  const off = store.$batch.listen(() => {});
  for (clock = 0; clock <= 4000; clock += 500) {
    store.dispatch('a', { type: 'UPLOAD.PROGRESS', bytesUploaded: clock });
    store.flush();
  }
  const batch = store.$batch.get();
  assert.equal(batch.speed, 1000);
  assert.equal(batch.timeRemaining, 16);
  assert.equal(batch.progress, 20);
  assert.equal(store.get('a')?.speed, 1000);
  assert.equal(store.get('a')?.timeRemaining, 6);
  store.dispatch('a', { type: 'UPLOAD.PAUSE' });
  store.flush();
  assert.equal(store.$batch.get().speed, 0);
  assert.equal(store.$batch.get().timeRemaining, null);
  off();
  store.destroy();
});

test('a new batch after an idle moment is measured afresh, so its time left agrees with its file', () => {
  let clock = 0;
  const store = createUploadStore({ now: () => clock });
  const off = store.$batch.listen(() => {});
  const run = (id: string, size: number, rate: number, from: number) => {
    store.add([item(id, size)]);
    store.dispatch(id, { type: 'UPLOAD.START' });
    for (clock = from; clock <= from + 2000; clock += 500) {
      store.dispatch(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: ((clock - from) / 1000) * rate });
      store.flush();
    }
  };
  run('small', 2000, 1000, 0);
  store.dispatch('small', { type: 'UPLOAD.SUCCESS' });
  store.flush();
  run('big', 1_000_000, 100_000, 10_000);
  assert.equal(store.$batch.get().speed, store.get('big')?.speed);
  assert.equal(store.$batch.get().timeRemaining, store.get('big')?.timeRemaining);
  off();
  store.destroy();
});

test('removals are coalesced into one write', () => {
  const store = createUploadStore();
  store.add([item('a'), item('b'), item('c')]);
  let notifications = 0;
  const off = store.$uploads.listen(() => notifications++);
  store.remove(['a']);
  store.remove(['c', 'zzz']);
  assert.equal(store.get('a'), undefined, 'gone for readers at once');
  store.flush();
  assert.deepEqual(Object.keys(store.$uploads.get()), ['b']);
  assert.equal(notifications, 1);
  off();
  store.destroy();
});

test('$uploadIds keeps the order uploads were added in and changes only when uploads come or go', () => {
  const store = createUploadStore();
  store.add([
    { ...item('b'), addedAt: 2 },
    { ...item('c'), addedAt: 2 },
  ]);
  const ids = store.$uploadIds.get();
  assert.deepEqual(ids, ['b', 'c']);
  store.dispatch('b', { type: 'UPLOAD.START' });
  store.dispatch('b', { type: 'UPLOAD.PROGRESS', bytesUploaded: 10 });
  store.flush();
  assert.equal(store.$uploadIds.get(), ids, 'progress keeps the same array');
  store.mirror([{ ...item('a'), addedAt: 1 }]); // a mirror of an older upload from another tab
  store.add([{ ...item('d'), addedAt: 3 }]);
  assert.deepEqual(store.$uploadIds.get(), ['a', 'b', 'c', 'd']);
  store.remove(['c']);
  store.flush();
  assert.deepEqual(store.$uploadIds.get(), ['a', 'b', 'd']);
  store.destroy();
});

test('$batch, kept item by item, always counts what $uploads holds', () => {
  // a seeded walk through adds, events, mirrors and removals, checked after every frame
  let seed = 7;
  const random = (n: number) => (((seed = (seed * 48271) % 2147483647) % n) + n) % n;
  const store = createUploadStore();
  const off = store.$batch.listen(() => {});
  const events: UploadEvent[] = [
    { type: 'UPLOAD.START' },
    { type: 'UPLOAD.PROGRESS', bytesUploaded: 400 },
    { type: 'UPLOAD.PAUSE' },
    { type: 'UPLOAD.RESUME' },
    { type: 'UPLOAD.CANCEL' },
    { type: 'UPLOAD.SUCCESS' },
    { type: 'PROCESSING.DONE', fileId: 'f' },
    { type: 'UPLOAD.ERROR', error: { code: 'network', message: 'down', retryable: true } },
    { type: 'UPLOAD.RETRY' },
  ];
  let made = 0;
  for (let step = 0; step < 2000; step++) {
    const ids = Object.keys(store.$uploads.get());
    const pick = () => ids[random(ids.length)]!;
    const roll = random(10);
    if (roll === 0 || ids.length === 0) store.add([item(`n${made++}`, 100 + random(2000))]);
    else if (roll === 1) store.remove([pick()]);
    else if (roll === 2)
      store.mirror([{ ...item(random(2) ? pick() : `m${made++}`, 500), status: 'uploading' }]);
    else store.dispatch(pick(), events[random(events.length)]!);
    if (random(3) === 0) {
      store.flush();
      // the counts are of $uploads; bytes and progress are of the batch run (batch-run.test.ts)
      const { counts, total, active } = computeBatch(Object.values(store.$uploads.get()), 0);
      const batch = store.$batch.get();
      assert.deepEqual(
        { counts: batch.counts, total: batch.total, active: batch.active },
        { counts, total, active },
        `step ${step}`,
      );
    }
  }
  off();
  store.destroy();
});

test("another driver's uploads (mirror) show in $uploadIds and $batch, through the reducer once known", () => {
  const store = createUploadStore();
  const off = store.$batch.listen(() => {});
  store.add([{ ...item('b'), addedAt: 2 }]);
  store.mirror([{ ...item('a', 3000), addedAt: 1, status: 'queued' }]);
  store.flush();
  store.mirror([{ ...item('a', 3000), addedAt: 1, status: 'uploading', bytesUploaded: 1000 }]);
  assert.equal(
    store.get('a')?.status,
    'uploading',
    'a known upload takes the report at once (UPLOAD.MIRROR)',
  );
  store.flush();
  assert.deepEqual(store.$uploadIds.get(), ['a', 'b']);
  assert.equal(store.$batch.get().bytesTotal, 4000);
  assert.equal(store.$batch.get().counts.uploading, 1);
  store.dispatch('b', { type: 'UPLOAD.START' });
  store.flush();
  assert.equal(store.$batch.get().counts.uploading, 2, 'and the store goes on from there');
  off();
  store.destroy();
});

test('after a costly write the next one waits for a quiet spell, so the store never hogs the page', async () => {
  let clock = 0;
  // every reading of the clock moves it 20 ms on: a commit then looks like it cost 20 ms
  const store = createUploadStore({ now: () => (clock += 20) });
  store.add([item('a')]);
  store.dispatch('a', { type: 'UPLOAD.START' });
  let notifications = 0;
  const off = store.$uploads.listen(() => notifications++);
  store.dispatch('a', { type: 'UPLOAD.PROGRESS', bytesUploaded: 10 });
  await sleep(100);
  assert.equal(notifications, 0, 'no write during the quiet spell');
  assert.equal(store.get('a')?.bytesUploaded, 10, 'though readers see the newest value');
  await sleep(450);
  assert.equal(notifications, 1);
  store.dispatch('a', { type: 'UPLOAD.PAUSE' });
  store.flush();
  assert.equal(notifications, 2, 'a user action still lands at once');
  off();
  store.destroy();
});

test("a commit inside nanostores' batch() is not mistaken for a write from outside", () => {
  const store = createUploadStore();
  const off = store.$batch.listen(() => {});
  let sorts = 0;
  const sort = Array.prototype.sort;
  Array.prototype.sort = function (this: unknown[], ...args) {
    sorts++;
    return sort.apply(this, args as never) as never;
  } as typeof sort;
  try {
    batch(() => store.add(Array.from({ length: 100 }, (_, i) => item(`id${i}`))));
  } finally {
    Array.prototype.sort = sort;
  }
  assert.equal(sorts, 0, 'no recount from scratch');
  assert.equal(store.$uploadIds.get().length, 100);
  assert.equal(store.$batch.get().total, 100);
  off();
  store.destroy();
});
