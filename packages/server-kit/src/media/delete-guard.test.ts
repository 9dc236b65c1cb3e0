// Usages guard deletes: a file in use answers 409 with its usages and stays, unless `force: true`
// comes from someone allowed to force; bulk delete is all or nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorBody, MediaFile } from '@mediabay/core/protocol';
import { api, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

describe('usages guard deletes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate });
  });
  after(() => server.close());

  /** in the library: not purged, not in the trash */
  const exists = async (id: string) => {
    const res = await api(server, 'ada', 'GET', `/${id}`);
    return res.status === 200 && (res.body as MediaFile).trashedAt === undefined;
  };

  async function usedFile(name: string): Promise<MediaFile> {
    const file = await createFile(server, 'alice', name);
    for (const usage of [
      { courseId: 'c1', lessonId: 'l1' },
      { courseId: 'c1', lessonId: 'l2' },
      { courseId: 'c2' },
    ]) {
      assert.equal((await api(server, 'alice', 'PUT', `/${file.id}/usages`, usage)).status, 200);
    }
    return file;
  }

  it('answers 409 file-in-use with the usages, and keeps the file', async () => {
    const file = await usedFile('lecture.txt');
    for (const who of ['alice', 'ada']) {
      const res = await api(server, who, 'DELETE', `/${file.id}`);
      assert.equal(res.status, 409);
      const { error } = res.body as ErrorBody;
      assert.equal(error.code, 'file-in-use');
      assert.equal(error.message, 'The file is used in 3 places.');
      assert.deepEqual(error.usages, [
        { courseId: 'c1', lessonId: 'l1' },
        { courseId: 'c1', lessonId: 'l2' },
        { courseId: 'c2' },
      ]);
      assert.deepEqual(
        error.files?.map((f) => [f.fileId, f.name, f.usages.length]),
        [[file.id, 'lecture.txt', 3]],
      );
    }
    assert.ok(await exists(file.id));
  });

  it('deletes once the last usage is gone', async () => {
    const file = await createFile(server, 'alice', 'once.txt');
    await api(server, 'alice', 'PUT', `/${file.id}/usages`, { courseId: 'c1' });
    assert.equal((await api(server, 'alice', 'DELETE', `/${file.id}`)).status, 409);
    await api(server, 'alice', 'DELETE', `/${file.id}/usages`, { courseId: 'c1' });
    assert.equal((await api(server, 'alice', 'DELETE', `/${file.id}`)).status, 204);
    assert.equal(await exists(file.id), false);
  });

  it('lets an admin force (query or body) but not the editor who owns the file', async () => {
    const a = await usedFile('a.txt');
    const b = await usedFile('b.txt');
    const refused = await api(server, 'alice', 'DELETE', `/${a.id}?force=true`);
    assert.equal(refused.status, 403);
    assert.equal((refused.body as ErrorBody).error.code, 'forbidden');
    assert.ok(await exists(a.id));
    assert.equal((await api(server, 'ada', 'DELETE', `/${a.id}?force=true`)).status, 204);
    assert.equal((await api(server, 'ada', 'DELETE', `/${b.id}`, { force: 'yes' })).status, 400);
    assert.equal((await api(server, 'ada', 'DELETE', `/${b.id}`, { force: true })).status, 204);
    assert.equal(await exists(a.id), false);
    assert.equal(await exists(b.id), false);
  });

  it('refuses a bulk delete with one file in use as a whole, and lists the files in use', async () => {
    const free = await createFile(server, 'alice', 'free.txt');
    const used = await usedFile('used.txt');
    const res = await api(server, 'alice', 'POST', '/bulk-delete', { fileIds: [free.id, used.id] });
    assert.equal(res.status, 409);
    assert.deepEqual(
      (res.body as ErrorBody).error.files?.map((f) => f.fileId),
      [used.id],
    );
    assert.ok(await exists(free.id), 'all or nothing: the free file stays too');
    assert.equal(
      (await api(server, 'alice', 'POST', '/bulk-delete', { fileIds: [free.id, used.id], force: true }))
        .status,
      403,
    );
    const forced = await api(server, 'ada', 'POST', '/bulk-delete', {
      fileIds: [free.id, used.id],
      force: true,
    });
    assert.deepEqual(forced.body, { success: true, deletedCount: 2 });
  });
});
