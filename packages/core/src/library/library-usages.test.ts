// library.addUsage / removeUsage against the real server kit: the cached file changes at once, then
// holds the server's list; a refusal (a viewer) rolls the cache back and rejects with the server's error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MediaApiError } from '../http.js';
import type { ListResponse, MediaFile } from '../protocol.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';
import { authenticateWith, clientAs } from '../test-support/roles.js';
import type { MediaClient } from '../types.js';

let server: MediaTestServer;
let alice: MediaClient;
let vic: MediaClient;
let file: MediaFile;
const offs: (() => void)[] = [];

const cachedUsages = (client: MediaClient) =>
  client.queryClient.getQueryData<ListResponse>(['media-files', {}])?.items.find((f) => f.id === file.id)
    ?.usages;

before(async () => {
  server = await startMediaServer({ authenticate: authenticateWith({ vic: ['viewer'], alice: ['editor'] }) });
  alice = clientAs(server.endpoint, 'alice');
  vic = clientAs(server.endpoint, 'vic');
  const { accepted } = alice.addFiles([
    new File(['slides\n'.repeat(50)], 'slides.txt', { type: 'text/plain' }),
  ]);
  const fileId = await waitFor(
    () => alice.$uploads.get()[accepted[0]!.operationId]?.fileId,
    10_000,
    'upload',
  );
  for (const client of [alice, vic]) {
    offs.push(client.library.watch().subscribe(() => {}));
    await waitFor(
      () =>
        client.library
          .watch()
          .get()
          .items.some((f) => f.id === fileId) || undefined,
    );
  }
  file = alice.library
    .watch()
    .get()
    .items.find((f) => f.id === fileId)!;
});
after(async () => {
  offs.forEach((off) => off());
  alice.destroy();
  vic.destroy();
  await server.close();
});

test('addUsage shows the usage before the server answers, then resolves with the server list', async () => {
  const pending = alice.library.addUsage(file.id, { courseId: 'c1', lessonId: 'l1' });
  assert.deepEqual(cachedUsages(alice), [{ courseId: 'c1', lessonId: 'l1' }], 'optimistic');
  assert.deepEqual(await pending, [{ courseId: 'c1', lessonId: 'l1' }]);
  await alice.library.addUsage(file.id, { courseId: 'c2' });
  assert.deepEqual(await alice.library.usages(file.id), [
    { courseId: 'c1', lessonId: 'l1' },
    { courseId: 'c2' },
  ]);
  // another user hears it through the socket
  await waitFor(() => cachedUsages(vic)?.length === 2 || undefined, 5000, 'vic sees the usages');
});

test('removeUsage takes out exactly that usage', async () => {
  const pending = alice.library.removeUsage(file.id, { courseId: 'c1', lessonId: 'l1' });
  assert.deepEqual(cachedUsages(alice), [{ courseId: 'c2' }], 'optimistic');
  assert.deepEqual(await pending, [{ courseId: 'c2' }]);
});

test('a refused change rolls the cache back and rejects with the server error', async () => {
  await waitFor(() => cachedUsages(vic)?.length === 1 || undefined, 5000, 'vic sees the removal');
  const before = cachedUsages(vic);
  const pending = vic.library.addUsage(file.id, { courseId: 'c9' });
  assert.equal(cachedUsages(vic)?.length, 2, 'optimistic for a moment');
  await assert.rejects(pending, (error: unknown) => error instanceof MediaApiError && error.status === 403);
  assert.deepEqual(cachedUsages(vic), before);
  assert.deepEqual(await alice.library.usages(file.id), [{ courseId: 'c2' }]);
});

test('overlapping changes never hide one another, and a refused one among them is undone alone', async () => {
  const courses = () => (cachedUsages(alice) ?? []).map((u) => u.courseId).sort();
  const adds = [
    alice.library.addUsage(file.id, { courseId: 'c3' }),
    alice.library.addUsage(file.id, { courseId: 'c4' }),
  ];
  const refused = alice.library.addUsage(file.id, { courseId: '' });
  assert.deepEqual(courses(), ['', 'c2', 'c3', 'c4'], 'all three at once');
  // every state of the cache from here on
  const seen: string[][] = [];
  const off = alice.queryClient.getQueryCache().subscribe(() => seen.push(courses()));
  try {
    await assert.rejects(refused, (error: unknown) => error instanceof MediaApiError && error.status === 400);
    await Promise.all(adds);
    await waitFor(() => courses().join() === 'c2,c3,c4' || undefined, 5000, 'the server list, read again');
    assert.deepEqual(
      seen.filter((list) => !list.includes('c3') || !list.includes('c4')),
      [],
      "no answer in between took the other change's usage away",
    );
    assert.deepEqual((await alice.library.usages(file.id)).map((u) => u.courseId).sort(), ['c2', 'c3', 'c4']);
  } finally {
    off();
  }
});
