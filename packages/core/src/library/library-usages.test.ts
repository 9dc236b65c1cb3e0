// library.addUsage / removeUsage against the real server kit: the cached file changes at once, then
// holds the server's list; a refusal (a viewer) rolls the cache back and rejects with the server's error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MediaApiError } from '../http.js';
import type { ListResponse, MediaFile } from '../protocol.js';
import { waitFor } from '../test-support/media-server.js';
import { serverWithRoles, uploadListed } from '../test-support/roles.js';
import type { MediaClient } from '../types.js';

const rig = serverWithRoles({ vic: ['viewer'], alice: ['editor'] });
let alice: MediaClient;
let vic: MediaClient;
let file: MediaFile;
const offs: (() => void)[] = [];

const cachedUsages = (client: MediaClient) =>
  client.queryClient.getQueryData<ListResponse>(['media-files', {}])?.items.find((f) => f.id === file.id)
    ?.usages;

before(async () => {
  await rig.ready();
  alice = rig.client('alice');
  vic = rig.client('vic');
  const fileId = await uploadListed(
    alice,
    new File(['slides\n'.repeat(50)], 'slides.txt', { type: 'text/plain' }),
    [alice, vic],
    offs,
  );
  file = alice.library
    .watch()
    .get()
    .items.find((f) => f.id === fileId)!;
});
after(() => offs.forEach((off) => off()));

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
