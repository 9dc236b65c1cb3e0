import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import { MediaApiError } from '../http.js';
import type { ListParams } from '../protocol.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';
import type { LibraryState, MediaClient } from '../types.js';

// A watched list of 12 files read 5 at a time from the real server kit: three pages.
const PARAMS: ListParams = { sort: 'name', order: 'asc', limit: 5 };
const NAMES = Array.from({ length: 12 }, (_, i) => `p-${String(i + 1).padStart(2, '0')}.txt`);

let server: MediaTestServer;
let alice: MediaClient;
let bob: MediaClient;
let state: LibraryState;
let off: () => void;

const text = (name: string) => new File([`${name}\n`.repeat(50)], name, { type: 'text/plain' });
const names = () => state.items.map((file) => file.name);
const idOf = (name: string) => state.items.find((file) => file.name === name)!.id;

async function upload(client: MediaClient, files: string[]): Promise<string[]> {
  const { accepted } = client.addFiles(files.map(text));
  await waitFor(
    () => accepted.every((item) => client.$uploads.get()[item.operationId]?.status === 'ready') || undefined,
    20_000,
    'uploads ready',
  );
  return accepted.map((item) => client.$uploads.get()[item.operationId]!.fileId!);
}

before(async () => {
  server = await startMediaServer();
  const options = { endpoint: server.endpoint, WebSocket, removeCompletedAfter: Infinity };
  alice = createMediaClient(options);
  bob = createMediaClient(options);
  await upload(bob, NAMES);
  off = alice.library.watch(PARAMS).subscribe((value) => (state = value));
  await waitFor(() => state?.status === 'success' || undefined, 5000, 'first page');
  // alice's socket must be up to hear bob
  await new Promise((resolve) => setTimeout(resolve, 300));
});
after(async () => {
  off();
  alice.destroy();
  bob.destroy();
  await server.close();
});

test('a watched list holds the first page and says more are on the server', () => {
  assert.deepEqual(names(), NAMES.slice(0, 5));
  assert.equal(state.total, 12);
  assert.equal(state.hasMore, true);
  assert.equal(state.loadingMore, false);
});

test('loadMore appends the next pages by cursor until the end, one request at a time', async () => {
  const first = alice.library.loadMore(PARAMS);
  assert.equal(alice.library.loadMore(PARAMS), first, 'a second call while loading shares the request');
  assert.equal(state.loadingMore, true);
  await first;
  assert.deepEqual(names(), NAMES.slice(0, 10));
  assert.equal(state.loadingMore, false);
  await alice.library.loadMore(PARAMS);
  assert.deepEqual(names(), NAMES);
  assert.equal(state.hasMore, false);
  await alice.library.loadMore(PARAMS);
  assert.equal(state.items.length, 12, 'nothing past the end');
});

test('a refetch reloads every page that was loaded, not just the first', async () => {
  await alice.queryClient.refetchQueries({ queryKey: ['media-files'] });
  assert.deepEqual(names(), NAMES);
  assert.equal(state.hasMore, false);
});

test("another user's upload, rename and delete reach files on later pages", async () => {
  const [created] = await upload(bob, ['p-11b.txt']);
  await waitFor(() => names().includes('p-11b.txt') || undefined, 5000, 'bob upload seen');
  assert.deepEqual(names().slice(10), ['p-11.txt', 'p-11b.txt', 'p-12.txt'], 'at its sorted place');
  assert.equal(state.total, 13);
  await bob.library.update(idOf('p-12.txt'), { tags: ['late'] });
  await waitFor(() => state.items.find((f) => f.name === 'p-12.txt')?.tags[0] === 'late' || undefined);
  await bob.library.remove([created!]);
  await waitFor(() => !names().includes('p-11b.txt') || undefined, 5000, 'bob delete seen');
  assert.deepEqual(names(), NAMES);
  assert.equal(state.total, 12);
});

test('an upload shows at once, then its record replaces it, with all pages kept', async () => {
  const { accepted } = alice.addFiles([text('p-00.txt')]);
  const operationId = accepted[0]!.operationId;
  assert.equal(state.items[0]!.id, operationId, 'optimistic entry first');
  assert.equal(state.items.length, 13);
  await waitFor(() => alice.$uploads.get()[operationId]?.status === 'ready' || undefined, 20_000);
  await waitFor(
    () => (state.items[0]!.id !== operationId && state.items[0]!.status === 'ready') || undefined,
  );
  assert.equal(state.items[0]!.name, 'p-00.txt');
  assert.equal(state.items.length, 13);
  assert.equal(new Set(state.items.map((f) => f.id)).size, 13, 'no duplicate');
  await alice.library.remove([state.items[0]!.id]);
  assert.deepEqual(names(), NAMES);
});

test('a refused delete of files on the last page rolls back', async () => {
  const last = idOf('p-12.txt');
  await assert.rejects(alice.library.remove([last, 'not-a-real-id']), MediaApiError);
  assert.deepEqual(names(), NAMES);
  assert.equal(state.total, 12);
});

test('the selection loses files that leave the list, whoever removed them, on any page', async () => {
  alice.selection.selectAll([idOf('p-02.txt'), idOf('p-11.txt'), idOf('p-12.txt')]);
  await bob.library.remove([idOf('p-12.txt')]);
  await waitFor(() => !names().includes('p-12.txt') || undefined, 5000, 'delete seen');
  assert.equal(alice.$selection.get().size, 2);
  // gone without a socket event reaching alice: a refetch finds out, and the selection follows
  const offline = createMediaClient({
    endpoint: server.endpoint,
    shareTabs: false,
    resumeAfterReload: false,
    // a socket that never connects: nothing tells this client about deletes
    WebSocket: class {
      constructor() {
        throw new Error('offline');
      }
    },
  });
  try {
    const $offline = offline.library.watch(PARAMS);
    const offOffline = $offline.listen(() => {});
    await waitFor(() => $offline.get().status === 'success' || undefined);
    await offline.library.loadMore(PARAMS);
    await offline.library.loadMore(PARAMS);
    const eleven = $offline.get().items.find((f) => f.name === 'p-11.txt')!.id;
    offline.selection.selectAll([eleven]);
    const response = await fetch(`${server.endpoint}/${eleven}`, { method: 'DELETE' });
    assert.equal(response.status, 204);
    await offline.queryClient.refetchQueries({ queryKey: ['media-files'] });
    assert.ok(!$offline.get().items.some((f) => f.id === eleven));
    assert.equal($offline.get().items.length, 10, 'every loaded page came back');
    assert.deepEqual([...offline.$selection.get()], []);
    offOffline();
  } finally {
    offline.destroy();
  }
  await waitFor(() => !names().includes('p-11.txt') || undefined, 5000, 'alice hears it');
  assert.deepEqual([...alice.$selection.get()], [idOf('p-02.txt')]);
});
