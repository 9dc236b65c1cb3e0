import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import { MediaApiError } from '../http.js';
import type { ListResponse } from '../protocol.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';
import type { LibraryState, MediaClient } from '../types.js';

let server: MediaTestServer;
let alice: MediaClient;
let bob: MediaClient;
let bobState: LibraryState;
let offBob: () => void;
const fileIds: string[] = [];

const text = (name: string) =>
  new File([`${name}\n`.repeat(100)], name, { type: 'text/plain', lastModified: 1 });
const cached = (client: MediaClient) => client.queryClient.getQueryData<ListResponse>(['media-files', {}]);

before(async () => {
  server = await startMediaServer();
  alice = createMediaClient({ endpoint: server.endpoint, WebSocket, removeCompletedAfter: Infinity });
  bob = createMediaClient({ endpoint: server.endpoint, WebSocket, removeCompletedAfter: Infinity });
  offBob = bob.library.watch().subscribe((state) => (bobState = state));
  const aliceWatch = alice.library.watch().subscribe(() => {});
  await waitFor(() => bobState?.status === 'success' || undefined, 5000, 'bob list');
  await waitFor(() => alice.library.watch().get().status === 'success' || undefined, 5000, 'alice list');
  // bob's socket must be up to hear alice's uploads
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { accepted } = alice.addFiles(['one.txt', 'two.txt', 'three.txt'].map(text));
  await waitFor(
    () => accepted.every((item) => alice.$uploads.get()[item.operationId]?.status === 'ready') || undefined,
  );
  for (const item of accepted) fileIds.push(alice.$uploads.get()[item.operationId]!.fileId!);
  aliceWatch();
});
after(async () => {
  offBob();
  alice.destroy();
  bob.destroy();
  await server.close();
});

test("another user's uploads reach this client's cache through the socket", async () => {
  await waitFor(
    () => fileIds.every((id) => bobState.items.some((file) => file.id === id)) || undefined,
    5000,
    'bob sees',
  );
  assert.ok(
    bobState.items.every((file) => file.contentUrl !== ''),
    'server records, not optimistic entries',
  );
});

test('update is optimistic, then the server record; everyone sees it', async () => {
  const id = fileIds[0]!;
  const pending = alice.library.update(id, { name: 'renamed.txt', tags: ['intro'] });
  assert.equal(
    cached(alice)?.items.find((file) => file.id === id)?.name,
    'renamed.txt',
    'shown before the answer',
  );
  const file = await pending;
  assert.deepEqual([file.name, file.tags], ['renamed.txt', ['intro']]);
  await waitFor(
    () => bobState.items.find((f) => f.id === id)?.name === 'renamed.txt' || undefined,
    5000,
    'bob renamed',
  );
  assert.deepEqual(await alice.library.tags(), [{ name: 'intro', count: 1 }]);
  assert.deepEqual(await alice.library.usages(id), []);
});

test('a rejected update rolls back and throws the server error', async () => {
  const id = fileIds[1]!;
  const before = cached(alice)?.items.find((file) => file.id === id)?.name;
  await assert.rejects(
    alice.library.update(id, { name: '   ' }),
    (error: MediaApiError) =>
      error instanceof MediaApiError && error.status === 400 && error.code === 'invalid-field',
  );
  assert.equal(cached(alice)?.items.find((file) => file.id === id)?.name, before);
});

test('a failed delete rolls back', async () => {
  const before = cached(alice);
  await assert.rejects(alice.library.remove([fileIds[1]!, 'not-a-real-id']), MediaApiError);
  assert.deepEqual(
    cached(alice)?.items.map((f) => f.id),
    before?.items.map((f) => f.id),
  );
});

test('a refused delete puts the files back where they were, keeping a rename made meanwhile', async () => {
  const before = cached(alice)?.items.map((f) => f.id);
  const oldName = cached(alice)?.items.find((f) => f.id === fileIds[0])?.name;
  const refused = alice.library.remove([fileIds[1]!, 'not-a-real-id']);
  const renamed = alice.library.update(fileIds[0]!, { name: 'renamed meanwhile.txt' });
  await assert.rejects(refused, MediaApiError);
  const nameOf = () => cached(alice)?.items.find((f) => f.id === fileIds[0])?.name;
  assert.deepEqual(
    cached(alice)?.items.map((f) => f.id),
    before,
  );
  assert.equal(nameOf(), 'renamed meanwhile.txt', 'the undo of the delete leaves the rename');
  await renamed;
  await alice.library.update(fileIds[0]!, { name: oldName! });
});

test('lists are paged by cursor', async () => {
  const first = await alice.library.list({ limit: 2 });
  assert.equal(first.items.length, 2);
  assert.ok(first.nextCursor);
  const second = await alice.library.list({ limit: 2, cursor: first.nextCursor! });
  assert.equal(second.items.length, 1);
  assert.equal(second.nextCursor, null);
  assert.equal(new Set([...first.items, ...second.items].map((f) => f.id)).size, 3);
});

test('bulk delete is optimistic and other clients drop the files too', async () => {
  const gone = [fileIds[1]!, fileIds[2]!];
  alice.selection.selectAll(fileIds);
  const pending = alice.library.remove(gone);
  assert.ok(!cached(alice)?.items.some((file) => gone.includes(file.id)), 'removed before the answer');
  assert.deepEqual([...alice.$selection.get()], [fileIds[0]], 'and no longer selected');
  await pending;
  await waitFor(() => !bobState.items.some((file) => gone.includes(file.id)) || undefined, 5000, 'bob drops');
  assert.equal((await alice.library.list()).total, 1);
});
