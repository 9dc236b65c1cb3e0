import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMediaClient } from './client.js';
import { MEDIA_FILES_KEY } from './library/list-key.js';
import type { ListResponse } from './protocol.js';
import type { Transport } from './transports/transport.js';
import { SMALL_FILE_SHARE } from './uploads/uploader.js';
import type { MediaClient } from './types.js';

// Cancel all / Pause all / Resume all / Retry all over 10,000 uploads: each is one store commit.
// The transport never finishes (the uploads stay where the test puts them) and fails on demand.
const started: { id: string; fail: () => void; aborted: boolean }[] = [];
const stuckTransport: Transport = (options, callbacks) => {
  const entry = {
    id: options.operationId,
    aborted: false,
    fail: () => callbacks.onError({ code: 'rejected', message: 'No.', retryable: false, status: 400 }),
  };
  return {
    start: () => void started.push(entry),
    pause: () => Promise.resolve(),
    abort: () => {
      entry.aborted = true;
      return Promise.resolve();
    },
    url: null,
  };
};

function makeClient(): MediaClient {
  started.length = 0;
  return createMediaClient({
    endpoint: 'http://127.0.0.1:9/api/media',
    transport: stuckTransport,
    concurrency: 3,
    shareTabs: false,
    resumeAfterReload: false,
    removeCompletedAfter: Infinity,
    pollInterval: 600_000,
    // the server is never asked (whether it has a failed upload's file): no answer, at once
    fetch: () => Promise.reject(new TypeError('no server here')),
    WebSocket: class {
      readyState = 0;
      onopen = null;
      onclose = null;
      onerror = null;
      onmessage = null;
      close() {}
    },
  });
}

const statusesOf = (client: MediaClient) => [
  ...new Set(Object.values(client.$uploads.get()).map((item) => item.status)),
];

const files = (n: number) => Array.from({ length: n }, (_, i) => new File([`f${i}`], `f${i}.txt`));

function countWrites(client: MediaClient): { readonly writes: number; off(): void } {
  let writes = 0;
  const off = client.$uploads.listen(() => writes++);
  return {
    get writes() {
      return writes;
    },
    off,
  };
}

test('pauseAll, resumeAll and cancelAll over 10,000 uploads are one store write each', async () => {
  const client = makeClient();
  client.addFiles(files(10_000));
  await client.ready; // the uploads start when the engine is there
  // small files: several share each of the three slots
  const running = 3 / SMALL_FILE_SHARE;
  assert.equal(started.length, running);
  for (const action of ['pauseAll', 'resumeAll', 'cancelAll'] as const) {
    const counter = countWrites(client);
    client[action]();
    assert.equal(counter.writes, 1, action);
    counter.off();
  }
  const statuses = new Set(Object.values(client.$uploads.get()).map((item) => item.status));
  assert.deepEqual([...statuses], ['canceled']);
  assert.ok(started.filter((entry) => !entry.aborted).length === 0, 'running uploads were aborted');
  // canceled uploads never start, however long one waits
  assert.equal(started.length, 2 * running, 'started, paused, as many resumed, canceled');
  client.destroy();
});

test('cancelAll over 10,000 uploads takes their entries out of a cached list in one edit', async () => {
  const client = makeClient();
  await client.ready;
  const key = [MEDIA_FILES_KEY, {}];
  client.queryClient.setQueryData<ListResponse>(key, { items: [], nextCursor: null, total: 0 });
  client.addFiles(files(10_000));
  assert.equal(client.queryClient.getQueryData<ListResponse>(key)?.items.length, 10_000, 'shown at once');
  let edits = 0;
  const off = client.queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') edits++;
  });
  client.cancelAll();
  await Promise.resolve(); // the end of the task
  off();
  assert.equal(edits, 1);
  assert.equal(client.queryClient.getQueryData<ListResponse>(key)?.items.length, 0);
  client.destroy();
});

test('retryAll retries every failed upload in one write, and only those', async () => {
  const client = makeClient();
  client.addFiles(files(10_000));
  await client.ready;
  // fail the uploads one after another as the queue starts them: all 10,000 end in error
  while (client.$batch.get().counts.error < 10_000) {
    for (const entry of started.splice(0)) entry.fail();
    await new Promise((resolve) => setTimeout(resolve, 0));
    client.$batch.get();
  }
  assert.equal(client.$batch.get().counts.error, 10_000);
  const key = [MEDIA_FILES_KEY, {}];
  client.queryClient.setQueryData<ListResponse>(key, { items: [], nextCursor: null, total: 0 });
  let edits = 0;
  const off = client.queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') edits++;
  });
  const counter = countWrites(client);
  client.retryAll();
  assert.equal(counter.writes, 1);
  counter.off();
  await Promise.resolve(); // the end of the task
  off();
  assert.equal(edits, 1, 'the retried uploads come back to a cached list in one edit');
  assert.equal(client.queryClient.getQueryData<ListResponse>(key)?.items.length, 10_000);
  assert.equal(client.$batch.get().counts.error, 0);
  assert.equal(client.$batch.get().counts.queued + client.$batch.get().counts.uploading, 10_000);
  client.destroy();
});

test('before the engine has loaded, Pause all, Resume all and Cancel all show at once and hold when it arrives', async () => {
  const client = makeClient();
  client.addFiles(files(1_000));
  const first = client.$uploadIds.get()[0]!;
  client.pauseAll();
  assert.deepEqual(statusesOf(client), ['paused'], 'paused at once, before any engine');
  client.resume(first);
  client.cancelAll();
  assert.deepEqual(statusesOf(client), ['canceled']);
  const heard: string[] = [];
  client.on('upload-status', (event) => heard.push(event.item.status));
  await client.ready;
  assert.equal(started.length, 0, 'nothing canceled starts');
  assert.equal(heard.filter((status) => status === 'canceled').length, 1_000, 'each change told once');
  assert.deepEqual(statusesOf(client), ['canceled']);
  client.destroy();
});

test('files added and paused before the engine loaded start, or wait for Resume, when it arrives', async () => {
  const client = makeClient();
  // more than run at once: some stay queued
  client.addFiles(files(3 / SMALL_FILE_SHARE + 4));
  const [paused] = client.$uploadIds.get();
  client.pause(paused!);
  await client.ready;
  const running = 3 / SMALL_FILE_SHARE;
  assert.equal(started.length, running, 'the queue takes what is queued');
  assert.ok(!started.some((entry) => entry.id === paused), 'the paused one waits');
  assert.equal(client.$uploads.get()[paused!]!.status, 'paused');
  client.cancelAll();
  client.resume(paused!); // canceled: stays so
  assert.deepEqual(statusesOf(client), ['canceled']);
  client.destroy();
});
