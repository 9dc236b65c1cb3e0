import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createMediaClient } from './client.js';
import { makeFile, startMediaServer, waitFor, type MediaTestServer } from './test-support/media-server.js';
import { startThrottleProxy } from './test-support/throttle-proxy.js';
import type { LibraryState, MediaClient, MediaClientOptions } from './types.js';

let server: MediaTestServer;
before(async () => {
  server = await startMediaServer();
});
after(() => server.close());

function client(options: Partial<MediaClientOptions> = {}): MediaClient {
  return createMediaClient({
    endpoint: server.endpoint,
    WebSocket,
    removeCompletedAfter: Infinity,
    ...options,
  });
}
const statuses = (c: MediaClient) => Object.values(c.$uploads.get()).map((item) => item.status);
const text = (name: string) =>
  new File([`hello from ${name}\n`.repeat(200)], name, { type: 'text/plain', lastModified: 1 });

test('uploads files over tus, follows the socket to ready, and the library shows them', async () => {
  const c = client();
  let socketUp = false;
  // the socket opens a few ticks after the client is made: this hears it
  c.on('socket-state', (event) => (socketUp = event.connected));
  try {
    const $library = c.library.watch();
    let library: LibraryState = $library.get();
    const off = $library.subscribe((state) => (library = state));
    await waitFor(() => library.status === 'success', 5000, 'first list');
    await waitFor(() => socketUp, 5000, 'socket connected');

    const { accepted, rejected } = c.addFiles([
      text('a.txt'),
      text('b.txt'),
      makeFile(2 * 1024 * 1024, 'c.bin'),
    ]);
    assert.equal(accepted.length, 3);
    assert.equal(rejected.length, 0);
    const ids = accepted.map((item) => item.operationId);
    assert.deepEqual(
      library.items.slice(0, 3).map((file) => [file.id, file.status, file.contentUrl]),
      // newest first: the last file added is the newest, as the server will list it
      [...ids].reverse().map((id) => [id, 'processing', '']),
      'optimistic entries appear at once',
    );

    await waitFor(() => statuses(c).every((status) => status === 'ready'), 20_000, 'all ready');
    const items = c.$uploads.get();
    for (const id of ids) {
      assert.equal(items[id]?.progress, 100);
      assert.ok(items[id]?.fileId);
    }
    assert.equal(c.$batch.get().progress, 100);
    assert.equal(c.$batch.get().counts.ready, 3);
    await waitFor(() =>
      ids.every((id) => library.items.some((file) => file.operationId === id && file.id !== id)),
    );
    const fromServer = await c.library.list();
    for (const id of ids)
      assert.ok(fromServer.items.some((file) => file.operationId === id && file.id === items[id]?.fileId));
    off();
  } finally {
    c.destroy();
  }
});

test('without a socket the client polls operations and still reaches ready', async () => {
  // Node 20 has no global WebSocket: this client has no live channel at all
  const c = client({ WebSocket: undefined, pollInterval: 100 });
  try {
    const { accepted } = c.addFiles([text('polled.txt')]);
    const id = accepted[0]!.operationId;
    await waitFor(() => c.$uploads.get()[id]?.status === 'ready', 20_000, 'ready by polling');
    const list = await c.library.list();
    assert.ok(list.items.some((file) => file.operationId === id));
  } finally {
    c.destroy();
  }
});

test('rejections carry a code and message and nothing is uploaded for them', () => {
  const c = client({ restrictions: { accept: ['image/*'], maxFiles: 1 } });
  try {
    const { accepted, rejected } = c.addFiles([text('nope.txt')]);
    assert.equal(accepted.length, 0);
    assert.deepEqual(
      rejected.map((r) => r.code),
      ['file-type'],
    );
    assert.deepEqual(c.$uploads.get(), {});
  } finally {
    c.destroy();
  }
});

test('pause frees the slot and resume continues the same upload; cancel removes it', async () => {
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 3 * 1024 * 1024);
  const c = createMediaClient({
    endpoint: `${proxy.url}/api/media`,
    WebSocket,
    concurrency: 1,
    removeCompletedAfter: Infinity,
  });
  try {
    const { accepted } = c.addFiles([
      makeFile(8 * 1024 * 1024, 'big.bin'),
      makeFile(24 * 1024 * 1024, 'next.bin'),
    ]);
    const [big, next] = accepted.map((item) => item.operationId) as [string, string];
    await waitFor(() => (c.$uploads.get()[big]?.bytesUploaded ?? 0) > 1024 * 1024, 10_000, 'some progress');
    assert.equal(c.$uploads.get()[next]?.status, 'queued');
    c.pause(big);
    assert.equal(c.$uploads.get()[big]?.status, 'paused');
    await waitFor(
      () => c.$uploads.get()[next]?.status === 'uploading',
      5000,
      'the paused slot goes to the next file',
    );
    const progressAtPause = c.$uploads.get()[big]!.progress;
    await waitFor(() => (c.$uploads.get()[next]?.bytesUploaded ?? 0) > 0, 10_000, 'next sends bytes');

    c.cancel(next);
    assert.equal(c.$uploads.get()[next]?.status, 'canceled');
    c.resume(big);
    await waitFor(() => c.$uploads.get()[big]?.status === 'ready', 20_000, 'resumed upload ready');
    assert.ok(progressAtPause > 0 && progressAtPause < 100);
    const list = await c.library.list();
    assert.ok(list.items.some((file) => file.operationId === big));
    // bytes already in flight may still complete the canceled upload on the server: the client then
    // deletes what it produced, so a canceled file never stays in the library
    let leftover = true;
    for (let i = 0; i < 50 && leftover; i++) {
      leftover = (await c.library.list()).items.some((file) => file.operationId === next);
      if (leftover) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(leftover, false, 'the canceled file is not in the library');
  } finally {
    c.destroy();
    await proxy.close();
  }
});

test('a dropped connection is retried automatically and the upload completes', async () => {
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 4 * 1024 * 1024);
  const c = createMediaClient({
    endpoint: `${proxy.url}/api/media`,
    WebSocket,
    removeCompletedAfter: Infinity,
  });
  try {
    const { accepted } = c.addFiles([makeFile(8 * 1024 * 1024, 'flaky.bin')]);
    const id = accepted[0]!.operationId;
    await waitFor(() => (c.$uploads.get()[id]?.bytesUploaded ?? 0) > 1024 * 1024, 10_000, 'some progress');
    proxy.dropConnections();
    await waitFor(() => c.$uploads.get()[id]?.status === 'ready', 30_000, 'ready after retry');
    assert.equal(c.$uploads.get()[id]?.error, undefined);
  } finally {
    c.destroy();
    await proxy.close();
  }
});

test('a 4xx fails at once with the server message and is not retried', async () => {
  const small = await startMediaServer({ limits: { maxFileSize: 1000 } });
  const c = createMediaClient({ endpoint: small.endpoint, WebSocket, removeCompletedAfter: Infinity });
  try {
    const { accepted } = c.addFiles([makeFile(5000, 'too-big.bin')]);
    const id = accepted[0]!.operationId;
    const item = await waitFor(() => {
      const current = c.$uploads.get()[id];
      return current?.status === 'error' ? current : undefined;
    }, 5000);
    assert.equal(item.error?.retryable, false);
    assert.ok(item.error?.message && !item.error.message.startsWith('tus:'), item.error?.message);
    const state = await c.library.list();
    assert.ok(!state.items.some((file) => file.id === id), 'the optimistic entry is gone');
  } finally {
    c.destroy();
    await small.close();
  }
});

test('async validators hold files back until they pass, and report rejections as events', async () => {
  const c = client({
    validators: [
      async (file) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return file.name.includes('virus') ? `${file.name} failed the scan.` : null;
      },
    ],
  });
  try {
    const rejected: string[] = [];
    c.on('upload-rejected', (event) => rejected.push(`${event.rejection.code}: ${event.rejection.message}`));
    const { accepted } = c.addFiles([text('clean.txt'), text('virus.txt')]);
    assert.equal(accepted.length, 2);
    assert.deepEqual(statuses(c), ['queued', 'queued'], 'nothing starts before the validators answer');
    const [clean, bad] = accepted.map((item) => item.operationId) as [string, string];
    await waitFor(() => c.$uploads.get()[clean]?.status === 'ready', 20_000, 'clean ready');
    assert.equal(c.$uploads.get()[bad], undefined);
    assert.deepEqual(rejected, ['custom: virus.txt failed the scan.']);
  } finally {
    c.destroy();
  }
});

test('pauseAll, resumeAll and cancelAll act on every item in one write', async () => {
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 2 * 1024 * 1024);
  const c = createMediaClient({
    endpoint: `${proxy.url}/api/media`,
    WebSocket,
    removeCompletedAfter: Infinity,
  });
  try {
    c.addFiles([1, 2, 3, 4].map((n) => makeFile(4 * 1024 * 1024 + n, `all-${n}.bin`)));
    await waitFor(
      () => statuses(c).filter((s) => s === 'uploading').length === 3 || undefined,
      5000,
      'three running',
    );
    let writes = 0;
    const off = c.$uploads.listen(() => writes++);
    c.pauseAll();
    assert.deepEqual(statuses(c), ['paused', 'paused', 'paused', 'paused']);
    assert.equal(writes, 1);
    c.resumeAll();
    assert.deepEqual(
      statuses(c),
      ['uploading', 'uploading', 'uploading', 'queued'],
      'resumed into the free slots',
    );
    c.cancelAll();
    assert.deepEqual(statuses(c), ['canceled', 'canceled', 'canceled', 'canceled']);
    assert.equal(c.$batch.get().active, false);
    off();
  } finally {
    c.destroy();
    await proxy.close();
  }
});
