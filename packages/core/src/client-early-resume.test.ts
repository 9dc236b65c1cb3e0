// Resume after reload for a file chosen before the client's engine (engine.ts, one dynamic import)
// has loaded: it continues its waiting upload as a file chosen later does (same operation, the
// server's offset, no new tus upload, one library entry), and early commands on it still count.
// IndexedDB is fake-indexeddb here (one per test file: node --test runs each file in its own process);
// the "reload" is a second client over the records and the server-side upload the first one left.
import 'fake-indexeddb/auto';
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { WebSocket } from 'ws';
import { createMediaClient } from './client.js';
import { openResumeStore } from './uploads/resume-store.js';
import { makeFile, startMediaServer, waitFor, type MediaTestServer } from './test-support/media-server.js';
import { startThrottleProxy, type ThrottleProxy } from './test-support/throttle-proxy.js';
import type { MediaClient, UploadItem } from './types.js';

const MiB = 1024 * 1024;
let server: MediaTestServer;
let proxy: ThrottleProxy;
let endpoint: string;
const clients: MediaClient[] = [];

before(async () => {
  server = await startMediaServer();
  proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 2 * MiB);
  endpoint = `${proxy.url}/api/media`;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  // the next test's page load restores only its own upload
  const resumeStore = openResumeStore()!;
  await resumeStore.remove((await resumeStore.load(endpoint)).map((record) => record.operationId));
  resumeStore.close();
});
after(async () => {
  await proxy.close();
  await server.close();
});

/** tus requests as they leave (tus-js-client's Node requests go through node:http) */
function tusRequests(): { log: { method: string; offset: number | null }[]; stop(): void } {
  const log: { method: string; offset: number | null }[] = [];
  const seen = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (!request.path.includes('/uploads')) return;
    const offset = request.getHeader('upload-offset');
    log.push({ method: request.method, offset: offset === undefined ? null : Number(offset) });
  };
  subscribe('http.client.request.start', seen);
  return { log, stop: () => unsubscribe('http.client.request.start', seen) };
}

const pageLoad = () => {
  const client = createMediaClient({ endpoint, WebSocket, removeCompletedAfter: Infinity, shareTabs: false });
  clients.push(client);
  return client;
};

/** a first page load that sent part of `file` and went as a reload takes a page (its connections cut
 * mid-PATCH, its client gone): its upload id and the server's offset of it */
async function interruptedUpload(file: File): Promise<{ id: string; offset: number }> {
  proxy.rate = 2 * MiB;
  const first = pageLoad();
  const id = first.addFiles([file]).accepted[0]!.operationId;
  await waitFor(() => (first.$uploads.get()[id]?.bytesUploaded ?? 0) > MiB, 10_000, 'progress');
  const resumeStore = openResumeStore()!;
  const uploadUrl = await waitFor(
    async () => (await resumeStore.get(id))?.uploadUrl ?? undefined,
    5000,
    'the upload URL kept',
  );
  resumeStore.close();
  // cut, not paused: a paused socket's buffered bytes would still reach the server afterwards
  proxy.dropConnections();
  first.destroy();
  proxy.rate = 1000 * MiB;
  // asked of the server itself: a connection to the proxy may be one it just cut
  const direct = uploadUrl.replace(proxy.url, server.origin);
  const head = await fetch(direct, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  const offset = Number(head.headers.get('upload-offset'));
  assert.ok(offset > 0 && offset < file.size, `a part on the server (${offset})`);
  return { id, offset };
}

const finished = (client: MediaClient, id: string) =>
  waitFor(
    () => {
      const item = client.$uploads.get()[id];
      return item?.status === 'ready' || item?.status === 'error' ? item : undefined;
    },
    30_000,
    'finished',
  );

/** library files named `name` (a duplicate entry would be a second one) */
async function filesNamed(client: MediaClient, name: string) {
  const listed = await client.library.list({ q: name });
  return listed.items.filter((file) => file.name === name);
}

// at once: before the engine's module is there; after ready: the engine is there, its resume records
// not read yet (IndexedDB answers later)
for (const when of ['at once', 'after ready'] as const)
  test(`a file chosen again ${when} resumes its waiting upload from the server offset`, async () => {
    const file = makeFile(8 * MiB, `early-resume-${when.replace(' ', '-')}.bin`);
    const { id, offset } = await interruptedUpload(file);
    const requests = tusRequests();
    try {
      const client = pageLoad();
      const added: UploadItem[] = [];
      client.on('upload-added', ({ item }) => added.push(item));
      const statuses: string[] = [];
      client.on('upload-status', ({ item, previousStatus }) => {
        if (item.operationId === id) statuses.push(`${previousStatus}>${item.status}`);
      });
      if (when === 'after ready') await client.ready;
      const { accepted, rejected } = client.addFiles([file]);
      assert.deepEqual(rejected, []);
      assert.equal(accepted.length, 1, 'shown at once, before the engine');

      const done = await finished(client, id);
      assert.equal(done.status, 'ready', JSON.stringify(done.error));
      assert.deepEqual(Object.keys(client.$uploads.get()), [id], 'one upload: the waiting one');
      assert.deepEqual(added, [], 'no upload-added: nothing new was added (as when chosen later)');
      assert.equal(statuses[0], 'paused>queued', 'the waiting upload got its file');
      assert.deepEqual(
        requests.log.filter((request) => request.method === 'POST'),
        [],
        'no new tus upload',
      );
      const patches = requests.log.filter((request) => request.method === 'PATCH');
      assert.equal(requests.log[0]?.method, 'HEAD', 'the server is asked for its offset first');
      assert.equal(patches[0]?.offset, offset, 'the first PATCH starts at the server offset');
      const files = await filesNamed(client, file.name);
      assert.equal(files.length, 1, 'one library entry');
      assert.equal(files[0]!.id, done.fileId);
      assert.equal(files[0]!.size, file.size);
      const records = openResumeStore()!;
      await waitFor(async () => (await records.get(id)) === undefined, 5000, 'the record gone when finished');
      records.close();
    } finally {
      requests.stop();
    }
  });

test('before the engine: a file that matches no waiting upload starts, one canceled early does not resume', async () => {
  const waiting = makeFile(8 * MiB, 'early-waiting.bin');
  const { id, offset } = await interruptedUpload(waiting);
  const client = pageLoad();
  const added: string[] = [];
  client.on('upload-added', ({ item }) => added.push(item.operationId));
  const other = makeFile(300 * 1024, 'early-other.bin');
  const [chosen, fresh] = client.addFiles([waiting, other]).accepted;
  client.cancel(chosen!.operationId);

  const done = await finished(client, fresh!.operationId);
  assert.equal(done.status, 'ready', JSON.stringify(done.error));
  await client.ready;
  const restored = await waitFor(() => client.$uploads.get()[id], 5000, 'the waiting upload');
  assert.equal(restored.status, 'paused');
  assert.equal(restored.waitingForFile, true, 'still waiting: the file chosen for it was canceled');
  assert.ok(restored.bytesUploaded <= offset);
  assert.equal(client.$uploads.get()[chosen!.operationId]?.status, 'canceled');
  assert.deepEqual(added, [chosen!.operationId, fresh!.operationId], 'both were added uploads');
  assert.deepEqual(
    (await filesNamed(client, waiting.name)).map((file) => file.id),
    [id],
    "only the waiting upload's entry: nothing made of the canceled one",
  );
  // chosen again now, it continues the waiting upload
  assert.deepEqual(
    client.addFiles([waiting]).accepted.map((item) => item.operationId),
    [id],
  );
  assert.equal((await finished(client, id)).status, 'ready');
});

test('a file chosen again and paused before the engine loads: its waiting upload has it, paused', async () => {
  const file = makeFile(8 * MiB, 'early-paused.bin');
  const { id, offset } = await interruptedUpload(file);
  const requests = tusRequests();
  try {
    const client = pageLoad();
    const [chosen] = client.addFiles([file]).accepted;
    client.pauseAll();
    assert.equal(client.$uploads.get()[chosen!.operationId]?.status, 'paused');
    await client.ready;
    await waitFor(() => client.$uploads.get()[id], 5000, 'the waiting upload');
    assert.deepEqual(Object.keys(client.$uploads.get()), [id], 'one upload: the waiting one');
    const paused = client.$uploads.get()[id]!;
    assert.equal(paused.status, 'paused');
    assert.equal(paused.waitingForFile, undefined, 'it has its file');
    client.resume(id);
    const done = await finished(client, id);
    assert.equal(done.status, 'ready', JSON.stringify(done.error));
    assert.deepEqual(
      requests.log.filter((request) => request.method === 'POST'),
      [],
      'no new tus upload',
    );
    assert.equal(requests.log.find((request) => request.method === 'PATCH')?.offset, offset);
    assert.equal((await filesNamed(client, file.name)).length, 1);
  } finally {
    requests.stop();
  }
});
