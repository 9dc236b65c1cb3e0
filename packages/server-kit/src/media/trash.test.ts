// The trash over REST: deletes move files there (same id, bytes, tags and usages), lists and searches
// leave them out, `?trashed=true` lists them, restore brings them back, `?permanent=true` purges bytes
// then the record, and the socket and the audit log see each step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BulkRestoreResponse, ListResponse, MediaFile } from '@mediabay/core/protocol';
import { openEvents } from '../test-support/clients.test-helper.js';
import { api, as, auditLog, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('the trash', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate });
  });
  after(() => server.close());

  const list = async (query = '', user = 'ada') =>
    (await api(server, user, 'GET', `/?limit=200${query}`)).body as ListResponse;
  const ids = (page: ListResponse) => page.items.map((f) => f.id);
  const content = async (id: string) => (await api(server, 'ada', 'GET', `/${id}/content`)).body;
  const get = async (id: string) => (await api(server, 'ada', 'GET', `/${id}`)).body as MediaFile;

  it('moves a deleted file to the trash: out of lists and searches, kept with its bytes, tags and usages', async () => {
    const file = await createFile(server, 'alice', 'trashme-lecture.txt');
    await api(server, 'alice', 'PATCH', `/${file.id}`, { tags: ['physics'] });
    await api(server, 'ada', 'PUT', `/${file.id}/usages`, { courseId: 'c9' });
    assert.equal((await api(server, 'ada', 'DELETE', `/${file.id}?force=true`)).status, 204);

    assert.ok(!ids(await list()).includes(file.id));
    assert.ok(!ids(await list('&q=trashme')).includes(file.id));
    assert.ok(!ids(await list('&tag=physics')).includes(file.id));
    assert.ok(!ids(await list('&courseId=c9')).includes(file.id));
    const tags = (await api(server, 'ada', 'GET', '/tags')).body as { tags: { name: string }[] };
    assert.ok(!tags.tags.some((t) => t.name === 'physics'));

    const trash = await list('&trashed=true');
    assert.deepEqual(ids(trash), [file.id]);
    assert.equal(trash.total, 1);
    assert.match(trash.items[0]?.trashedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(ids(await list('&trashed=true&q=lecture')), [file.id]);

    const restored = (await api(server, 'alice', 'POST', `/${file.id}/restore`)).body as MediaFile;
    assert.equal(restored.id, file.id);
    assert.equal(restored.trashedAt, undefined);
    assert.deepEqual(restored.tags, ['physics']);
    assert.deepEqual(restored.usages, [{ courseId: 'c9' }]);
    assert.equal(await content(file.id), 'hello from alice');
    assert.ok(ids(await list('&q=trashme')).includes(file.id));
    assert.ok(!ids(await list('&trashed=true')).includes(file.id));
    await api(server, 'ada', 'DELETE', `/${file.id}/usages`, { courseId: 'c9' });
  });

  it('takes no new usage for a file in the trash (409, nothing written), but lets one go', async () => {
    const file = await createFile(server, 'alice', 'binned.txt');
    await api(server, 'ada', 'PUT', `/${file.id}/usages`, { courseId: 'c3' });
    assert.equal((await api(server, 'ada', 'DELETE', `/${file.id}?force=true`)).status, 204);
    const refused = await api(server, 'ada', 'PUT', `/${file.id}/usages`, { courseId: 'c4' });
    assert.equal(refused.status, 409);
    assert.equal((refused.body as { error: { code: string } }).error.code, 'file-in-trash');
    assert.deepEqual((await get(file.id)).usages, [{ courseId: 'c3' }]);
    const added = (await auditLog(server)).filter((e) => e.fileId === file.id && e.action === 'usage.added');
    assert.equal(added.length, 1);
    assert.equal((await api(server, 'ada', 'DELETE', `/${file.id}/usages`, { courseId: 'c3' })).status, 200);
    assert.deepEqual((await get(file.id)).usages, []);
  });

  it('guards usages when trashing: 409 file-in-use and the file stays in the library', async () => {
    const file = await createFile(server, 'alice', 'used.txt');
    await api(server, 'alice', 'PUT', `/${file.id}/usages`, { courseId: 'c1' });
    const res = await api(server, 'alice', 'DELETE', `/${file.id}`);
    assert.equal(res.status, 409);
    assert.equal((await get(file.id)).trashedAt, undefined);
    assert.ok(ids(await list()).includes(file.id));
  });

  it('bulk delete trashes and bulk restore brings back, counting only what changed', async () => {
    const a = await createFile(server, 'alice', 'bulk-a.txt');
    const b = await createFile(server, 'alice', 'bulk-b.txt');
    const del = await api(server, 'alice', 'POST', '/bulk-delete', { fileIds: [a.id, b.id] });
    assert.deepEqual(del.body, { success: true, deletedCount: 2 });
    const again = await api(server, 'alice', 'POST', '/bulk-delete', { fileIds: [a.id, b.id] });
    assert.deepEqual(again.body, { success: true, deletedCount: 0 });
    assert.deepEqual(ids(await list('&trashed=true&q=bulk-')).sort(), [a.id, b.id].sort());

    const res = await api(server, 'alice', 'POST', '/bulk-restore', { fileIds: [a.id, b.id, a.id] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body as BulkRestoreResponse, { restoredCount: 2 });
    assert.deepEqual(ids(await list('&q=bulk-')).sort(), [a.id, b.id].sort());
    const twice = await api(server, 'alice', 'POST', '/bulk-restore', { fileIds: [a.id] });
    assert.deepEqual(twice.body, { restoredCount: 0 });
  });

  it('refuses restore and purge to those who may not delete the file, and changes nothing', async () => {
    const file = await createFile(server, 'alice', 'theirs.txt');
    await api(server, 'alice', 'DELETE', `/${file.id}`);
    for (const user of ['vic', 'erin']) {
      assert.equal((await api(server, user, 'POST', `/${file.id}/restore`)).status, 403);
      assert.equal((await api(server, user, 'POST', '/bulk-restore', { fileIds: [file.id] })).status, 403);
      assert.equal((await api(server, user, 'DELETE', `/${file.id}?permanent=true`)).status, 403);
    }
    assert.ok((await get(file.id)).trashedAt);
    assert.equal(await content(file.id), 'hello from alice');
  });

  it('answers 400 for bad input and 404 for unknown files', async () => {
    assert.equal((await api(server, 'ada', 'GET', '/?trashed=yes')).status, 400);
    assert.equal((await api(server, 'ada', 'DELETE', `/${'a'.repeat(21)}?permanent=maybe`)).status, 400);
    assert.equal((await api(server, 'ada', 'POST', '/bulk-restore', { fileIds: [] })).status, 400);
    assert.equal((await api(server, 'ada', 'POST', '/bulk-restore', { fileIds: ['../x'] })).status, 400);
    assert.equal((await api(server, 'ada', 'POST', '/bulk-restore', [1])).status, 400);
    assert.equal((await api(server, 'ada', 'POST', '/..%2fx/restore')).status, 400);
    const file = await createFile(server, 'alice', 'gone.txt');
    await api(server, 'alice', 'DELETE', `/${file.id}?permanent=true`);
    assert.equal((await api(server, 'ada', 'POST', `/${file.id}/restore`)).status, 404);
  });

  it('purges for good: the owner their own, an admin any; bytes, record and list entries go', async () => {
    const own = await createFile(server, 'alice', 'purge-own.txt');
    const other = await createFile(server, 'erin', 'purge-other.txt');
    await api(server, 'alice', 'DELETE', `/${own.id}`); // from the trash
    assert.equal((await api(server, 'alice', 'DELETE', `/${own.id}?permanent=true`)).status, 204);
    // straight from the library, the JSON body form
    assert.equal((await api(server, 'ada', 'DELETE', `/${other.id}`, { permanent: true })).status, 204);
    for (const file of [own, other]) {
      assert.equal((await api(server, 'ada', 'GET', `/${file.id}`)).status, 404);
      assert.equal((await api(server, 'ada', 'GET', `/${file.id}/content`)).status, 404);
      assert.ok(!ids(await list('&trashed=true')).includes(file.id));
    }
  });

  it('tells sockets: media-deleted when trashed or purged, media-created when restored', async () => {
    const file = await createFile(server, 'alice', 'events.txt');
    const { ws, events } = await openEvents(server.wsUrl, as('vic'));
    try {
      await api(server, 'alice', 'DELETE', `/${file.id}`);
      await api(server, 'alice', 'POST', `/${file.id}/restore`);
      await api(server, 'alice', 'DELETE', `/${file.id}?permanent=true`);
      const mine = (): unknown[] =>
        events.flatMap((e) => {
          if (e.type === 'media-deleted' && e.fileIds.includes(file.id))
            return [e.trashed === true ? 'trashed' : 'deleted'];
          if (e.type === 'media-created' && e.file.id === file.id)
            return [`created:${e.file.trashedAt ?? ''}`];
          return [];
        });
      await waitFor(() => (mine().length >= 4 ? true : undefined));
      assert.deepEqual(mine(), ['trashed', 'created:', 'trashed', 'deleted']);
    } finally {
      ws.close();
    }
  });

  it('writes file.trashed, file.restored and file.deleted audit entries', async () => {
    const file = await createFile(server, 'alice', 'audited.txt');
    await api(server, 'alice', 'DELETE', `/${file.id}`);
    await api(server, 'alice', 'POST', `/${file.id}/restore`);
    await api(server, 'ada', 'DELETE', `/${file.id}?permanent=true`);
    const entries = (await auditLog(server)).filter(
      (e) => e.fileId === file.id && e.action.startsWith('file.'),
    );
    assert.deepEqual(
      entries.map((e) => [e.action, e.userId]),
      [
        ['file.trashed', 'alice'],
        ['file.restored', 'alice'],
        ['file.trashed', 'ada'],
        ['file.deleted', 'ada'],
      ],
    );
    const filtered = (await api(server, 'ada', 'GET', `/audit?action=file.restored&fileId=${file.id}`))
      .body as { items: unknown[] };
    assert.equal(filtered.items.length, 1);
  });
});

describe('the trash and the file quota', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate, limits: { maxFilesPerTenant: 1 } });
  });
  after(() => server.close());

  it('counts trashed files until they are purged', async () => {
    const file = await createFile(server, 'alice', 'one.txt');
    assert.equal((await api(server, 'alice', 'DELETE', `/${file.id}`)).status, 204);
    await assert.rejects(createFile(server, 'alice', 'two.txt'), /failed: 403/);
    assert.equal((await api(server, 'alice', 'DELETE', `/${file.id}?permanent=true`)).status, 204);
    await createFile(server, 'alice', 'two.txt');
  });
});
