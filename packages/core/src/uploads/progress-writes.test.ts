// Progress alone asks for no animation frame: a frame requested per progress event made the page run
// style, layout and paint 20-30 times a second for the whole of an upload (issue 21). Bytes moving
// are written on a timer at the pace the elements show progress (PROGRESS_WRITE_MS, 2 Hz); a status
// change still goes by the frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUploadStore } from './uploads-store.js';
import { PROGRESS_WRITE_MS } from './progress-pace.js';
import { uploadItem } from '../test-support/upload-item.js';

const item = (id: string) => uploadItem(id, { size: 1_000_000 });

/** Node has no frames: this page-like one runs each callback on a timer, and counts the requests. */
function withFrames(): { requested: () => number; restore: () => void } {
  let requested = 0;
  const g = globalThis as { requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown };
  g.requestAnimationFrame = (fn: () => void) => {
    requested += 1;
    return setTimeout(fn, 16) as unknown as number;
  };
  g.cancelAnimationFrame = (id: number) => clearTimeout(id);
  return {
    requested: () => requested,
    restore: () => {
      delete g.requestAnimationFrame;
      delete g.cancelAnimationFrame;
    },
  };
}

type Frames = ReturnType<typeof withFrames>;
type UploadStore = ReturnType<typeof createUploadStore>;

/** A store holding upload `a`, with page-like frames, both torn down after `run`. */
async function withStore(
  run: (store: UploadStore, frames: Frames) => Promise<void> | void,
  options?: Parameters<typeof createUploadStore>[0],
): Promise<void> {
  const frames = withFrames();
  const store = createUploadStore(options);
  try {
    store.add([item('a')]);
    await run(store, frames);
  } finally {
    store.destroy();
    frames.restore();
  }
}

test('a stream of progress asks for no frame, is written at most once per pace, and ends written', async () => {
  await withStore(async (store, frames) => {
    store.dispatch('a', { type: 'UPLOAD.START' });
    store.flush();
    const before = frames.requested();
    let writes = 0;
    const off = store.$uploads.listen(() => writes++);
    const started = performance.now();
    for (let sent = 1; sent <= 40; sent += 1) {
      store.dispatch('a', { type: 'UPLOAD.PROGRESS', bytesUploaded: sent * 10_000 });
      // every event is taken at once
      assert.equal(store.get('a')!.bytesUploaded, sent * 10_000);
      await sleep(10);
    }
    await sleep(PROGRESS_WRITE_MS + 50);
    const elapsed = performance.now() - started;
    off();
    assert.equal(frames.requested(), before, 'no frame asked for progress');
    // each write waits a whole pace after the event that asked for it: never more than one per pace
    assert.ok(
      writes >= 1 && writes <= Math.floor(elapsed / PROGRESS_WRITE_MS) + 1,
      `${writes} writes in ${elapsed} ms`,
    );
    assert.equal(store.$uploads.get().a!.bytesUploaded, 400_000);
  });
});

test('a status change is written by the next frame', async () => {
  await withStore(async (store, frames) => {
    const before = frames.requested();
    store.dispatch('a', { type: 'UPLOAD.START' });
    assert.equal(frames.requested(), before + 1);
    await sleep(40);
    assert.equal(store.$uploads.get().a!.status, 'uploading');
  });
});

test('a write tells each listener once: $batch is computed once, not once per store it reads', () => {
  const store = createUploadStore();
  try {
    store.add([item('a'), item('b')]);
    let batches = 0;
    let uploads = 0;
    const offBatch = store.$batch.listen(() => batches++);
    const offUploads = store.$uploads.listen(() => uploads++);
    store.dispatch('a', { type: 'UPLOAD.START' });
    store.dispatch('a', { type: 'UPLOAD.PROGRESS', bytesUploaded: 500_000 });
    store.dispatch('b', { type: 'UPLOAD.START' });
    store.flush();
    assert.deepEqual([batches, uploads], [1, 1]);
    assert.equal(store.$batch.get().bytesUploaded, 500_000);
    assert.equal(store.$batch.get().counts.uploading, 2);
    offBatch();
    offUploads();
  } finally {
    store.destroy();
  }
});

test('a status change while progress waits for its pace is written by the next frame, progress with it', async () => {
  await withStore(async (store, frames) => {
    store.dispatch('a', { type: 'UPLOAD.START' });
    store.flush();
    // progress asks for the pace's timer (PROGRESS_WRITE_MS), no frame
    store.dispatch('a', { type: 'UPLOAD.PROGRESS', bytesUploaded: 500_000 });
    const before = frames.requested();
    store.dispatch('a', { type: 'UPLOAD.PAUSE' });
    assert.equal(frames.requested(), before + 1, 'the pause asks for a frame');
    await sleep(40);
    assert.equal(store.$uploads.get().a!.status, 'paused', 'written by the frame, not at the pace');
    assert.equal(store.$uploads.get().a!.bytesUploaded, 500_000);
  });
});

test('a status change during a quiet spell is written by a frame when the spell ends, not at the pace', async () => {
  let clock = 0;
  await withStore(
    async (store, frames) => {
      store.dispatch('a', { type: 'UPLOAD.START' });
      // a write that took 10 ms (by this clock): a quiet spell of 150 ms
      const off = store.$uploads.listen(() => (clock += 10));
      store.flush();
      off();
      store.dispatch('a', { type: 'UPLOAD.PROGRESS', bytesUploaded: 500_000 });
      store.dispatch('a', { type: 'UPLOAD.PAUSE' });
      const before = frames.requested();
      clock += 150;
      await sleep(200);
      assert.equal(frames.requested(), before + 1, 'a frame when the spell ended');
      await sleep(40);
      assert.equal(store.$uploads.get().a!.status, 'paused');
    },
    { now: () => clock },
  );
});
