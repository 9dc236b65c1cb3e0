// Replacing a file's bytes with `replaceFileId` (tus metadata or a multipart field): same id, tags and
// usages, processing redone, `media-updated` and a `file.replaced` audit entry, the old bytes removed;
// refused before any byte is stored for those who may not, and the old bytes kept when it fails.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { makeMedia, newOperationId, openEvents, tusUpload } from '../test-support/clients.test-helper.js';
import { api, as, auditLog, authenticate } from '../test-support/roles.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';

describe('replacing a file', () => {
  let server: TestServer;
  let png: Buffer;
  let jpg: Buffer;
  before(async () => {
    server = await startTestServer({ authenticate, limits: { allowedTypes: ['image/*'] } });
    png = await fs.readFile(await makeMedia('still.png'));
    jpg = await fs.readFile(await makeMedia('still.jpg'));
  });
  after(() => server.close());

  const endpoint = () => `${server.url}/api/media/uploads`;
  const upload = (user: string, bytes: Buffer, name: string, metadata: Record<string, string> = {}) =>
    tusUpload(
      endpoint(),
      bytes,
      { name, type: 'image/png', operationId: newOperationId() },
      {
        headers: as(user),
        metadata: { filename: name, filetype: 'image/png', operationId: newOperationId(), ...metadata },
      },
    );
  const ready = (id: string) =>
    waitFor(async () => {
      const file = (await api(server, 'ada', 'GET', `/${id}`)).body as MediaFile;
      return file.status === 'ready' ? file : undefined;
    }, 30_000);
  async function storageKey(id: string): Promise<string> {
    const db = await openTestDatabase(server.dataDir);
    try {
      return (
        await db.selectFrom('media').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()
      ).storage_key;
    } finally {
      await db.destroy();
    }
  }
  const onDisk = (key: string) =>
    fs.stat(`${server.dataDir}/files/${key}`).then(
      () => true,
      () => false,
    );

  it('keeps the id, name, tags and usages, redoes processing and removes the old bytes', async () => {
    const { fileId } = await upload('alice', png, 'poster.png');
    assert.ok(fileId);
    const original = await ready(fileId);
    assert.equal(original.width, 640);
    await api(server, 'alice', 'PATCH', `/${fileId}`, { tags: ['cover'] });
    await api(server, 'alice', 'PUT', `/${fileId}/usages`, { courseId: 'c1', lessonId: 'l1' });
    const oldKey = await storageKey(fileId);
    const { ws, events } = await openEvents(server.wsUrl, as('vic'));
    try {
      const replaced = await upload('alice', jpg, 'poster-v2.jpg', { replaceFileId: fileId });
      assert.equal(replaced.fileId, fileId);
      const file = await ready(fileId);
      assert.equal(file.id, fileId);
      assert.equal(file.name, 'poster.png');
      assert.notEqual(
        file.operationId,
        original.operationId,
        'events of the new bytes carry the replacement',
      );
      assert.equal(file.mimeType, 'image/jpeg');
      assert.equal(file.size, jpg.length);
      assert.deepEqual([file.width, file.height], [200, 100]);
      assert.deepEqual(file.tags, ['cover']);
      assert.deepEqual(file.usages, [{ courseId: 'c1', lessonId: 'l1' }]);
      const bytes = await fetch(`${server.url}${file.contentUrl}`, { headers: as('vic') });
      assert.ok(Buffer.from(await bytes.arrayBuffer()).equals(jpg));
      assert.equal(await onDisk(oldKey), false);
      const list = (await api(server, 'ada', 'GET', '/?limit=200')).body as { items: MediaFile[] };
      assert.equal(list.items.filter((f) => f.id === fileId).length, 1);
      await waitFor(() =>
        events.some(
          (e) => e.type === 'media-updated' && e.file.id === fileId && e.file.mimeType === 'image/jpeg',
        )
          ? true
          : undefined,
      );
      assert.ok(!events.some((e) => e.type === 'media-created' && e.file.id === fileId));
    } finally {
      ws.close();
    }
    const entry = (await auditLog(server)).find((e) => e.action === 'file.replaced' && e.fileId === fileId);
    assert.equal(entry?.userId, 'alice');
    assert.deepEqual(entry?.detail?.previous, {
      name: 'poster.png',
      size: png.length,
      mimeType: 'image/png',
    });
  });

  it('takes the new name when asked, and lets an admin replace anyone’s file', async () => {
    const { fileId } = await upload('alice', png, 'a.png');
    assert.ok(fileId);
    await ready(fileId);
    const res = await upload('ada', jpg, 'b.jpg', { replaceFileId: fileId, replaceName: 'true' });
    assert.equal(res.fileId, fileId);
    assert.equal((await ready(fileId)).name, 'b.jpg');
  });

  it('replaces through a multipart form too', async () => {
    const { fileId } = await upload('alice', png, 'form.png');
    assert.ok(fileId);
    await ready(fileId);
    const form = new FormData();
    form.set('replaceFileId', fileId);
    form.set('file', new Blob([jpg], { type: 'image/jpeg' }), 'form.jpg');
    const res = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: as('alice'),
      body: form,
    });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { fileId: string }).fileId, fileId);
    assert.equal((await ready(fileId)).mimeType, 'image/jpeg');
  });

  it('refuses before storing a byte: others’ files, viewers, unknown, malformed and trashed ids', async () => {
    const { fileId } = await upload('alice', png, 'mine.png');
    assert.ok(fileId);
    await ready(fileId);
    const trashed = await upload('alice', png, 'trashed.png');
    assert.ok(trashed.fileId);
    await ready(trashed.fileId);
    await api(server, 'alice', 'DELETE', `/${trashed.fileId}`);
    const post = (user: string, replaceFileId: string) =>
      fetch(endpoint(), {
        method: 'POST',
        headers: {
          ...as(user),
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(jpg.length),
          'Upload-Metadata': `filename ${btoa('x.jpg')},replaceFileId ${btoa(replaceFileId)}`,
        },
      });
    const cases: [string, string, number, string][] = [
      ['erin', fileId, 403, 'forbidden'],
      ['vic', fileId, 403, 'forbidden'],
      ['alice', '0'.repeat(32), 404, 'not-found'],
      ['alice', '../../mediabay.sqlite', 400, 'invalid-metadata'],
      ['alice', trashed.fileId, 409, 'file-in-trash'],
    ];
    for (const [user, id, status, code] of cases) {
      const res = await post(user, id);
      assert.equal(res.status, status, `${user} ${id}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
    }
    const form = new FormData();
    form.set('replaceFileId', fileId);
    form.set('file', new Blob([jpg], { type: 'image/jpeg' }), 'x.jpg');
    const res = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: as('erin'),
      body: form,
    });
    assert.equal(res.status, 403);
    const file = (await api(server, 'ada', 'GET', `/${fileId}`)).body as MediaFile;
    assert.equal(file.mimeType, 'image/png');
  });

  it('keeps the old bytes when the replacement is refused after upload', async () => {
    const { fileId } = await upload('alice', png, 'keep.png');
    assert.ok(fileId);
    await ready(fileId);
    const oldKey = await storageKey(fileId);
    const text = Buffer.from('not an image at all\n'.repeat(20));
    await assert.rejects(upload('alice', text, 'notes.txt', { replaceFileId: fileId }));
    const file = (await api(server, 'ada', 'GET', `/${fileId}`)).body as MediaFile;
    assert.equal(file.mimeType, 'image/png');
    assert.equal(file.status, 'ready');
    assert.equal(await storageKey(fileId), oldKey);
    assert.ok(await onDisk(oldKey));
  });
});
