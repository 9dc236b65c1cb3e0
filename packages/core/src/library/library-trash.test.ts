// The trash as the client sees it, against the real server kit: remove moves a file from the library's
// lists to the trash's, restore brings it back with the same id, purge deletes it for good; a refused
// restore or purge puts the cache back as it was.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { MediaApiError } from '../http.js';
import { matchesParams } from './list-match.js';
import type { MediaFile } from '../protocol.js';
import { waitFor } from '../test-support/media-server.js';
import { serverWithRoles } from '../test-support/roles.js';
import type { LibraryState, MediaClient } from '../types.js';

async function upload(name: string): Promise<string> {
  const c = client('alice');
  const { accepted } = c.addFiles([new File([`${name}`], name, { type: 'text/plain' })]);
  return waitFor(() => c.$uploads.get()[accepted[0]!.operationId]?.fileId, 10_000, 'upload');
}

/** Watches a list of `c` and returns a reader of its ids once it has loaded. */
async function watching(c: MediaClient, trashed: boolean): Promise<() => string[]> {
  let state: LibraryState | undefined;
  const $list = c.library.watch(trashed ? { trashed: true } : {});
  offs.push($list.subscribe((s) => (state = s)));
  await waitFor(() => (state?.status === 'success' ? true : undefined), 5000, 'list');
  return () => (state?.items ?? []).map((f) => f.id);
}
const offs: (() => void)[] = [];

after(() => {
  for (const off of offs) off();
});
const rig = serverWithRoles({ vic: ['viewer'], alice: ['editor'] });
const { client } = rig;

test('remove moves to the trash, restore brings the same file back, purge deletes it for good', async () => {
  const alice = client('alice');
  const id = await upload('lesson.txt');
  const library = await watching(alice, false);
  const trash = await watching(alice, true);
  await waitFor(() => (library().includes(id) ? true : undefined), 5000, 'listed');

  await alice.library.remove([id]);
  assert.ok(!library().includes(id), 'gone from the library at once');
  await waitFor(() => (trash().includes(id) ? true : undefined), 5000, 'in the trash');

  const restoring = alice.library.restore([id]);
  assert.ok(!trash().includes(id), 'leaves the trash at once');
  await restoring;
  await waitFor(() => (library().includes(id) ? true : undefined), 5000, 'back');
  const back = (await alice.library.list({})).items.find((f) => f.id === id);
  assert.equal(back?.trashedAt, undefined);

  await alice.library.remove([id]);
  await waitFor(() => (trash().includes(id) ? true : undefined), 5000, 'in the trash again');
  await alice.library.purge([id]);
  assert.ok(!trash().includes(id), 'gone from the trash at once');
  const res = await fetch(`${rig.server.endpoint}/${id}`, { headers: { Authorization: 'Bearer alice' } });
  assert.equal(res.status, 404);
});

test('a refused restore or purge puts the file back in the trash list', async () => {
  const id = await upload('kept.txt');
  await client('alice').library.remove([id]);
  const vic = client('vic');
  const trash = await watching(vic, true);
  await waitFor(() => (trash().includes(id) ? true : undefined), 5000, 'vic sees the trash');
  for (const action of [() => vic.library.restore([id]), () => vic.library.purge([id])]) {
    const error = await action().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof MediaApiError && error.status === 403);
    await waitFor(() => (trash().includes(id) ? true : undefined), 5000, 'rolled back');
  }
});

test('lists take a file by trash state, and q by name or tag, as the server does', () => {
  const file = { name: 'Intro.mp4', tags: ['physics'], type: 'video', usages: [] } as unknown as MediaFile;
  const trashed = { ...file, trashedAt: '2026-01-01T00:00:00.000Z' };
  const cases: [MediaFile, object, boolean][] = [
    [file, {}, true],
    [file, { trashed: true }, false],
    [trashed, {}, false],
    [trashed, { trashed: true }, true],
    [file, { q: 'intro' }, true],
    [file, { q: 'PHYS' }, true],
    [file, { q: 'chem' }, false],
  ];
  for (const [f, params, expected] of cases)
    assert.equal(matchesParams(f, params), expected, JSON.stringify(params));
});
