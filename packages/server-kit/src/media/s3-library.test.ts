// Purge and replace on S3 storage: a purge removes the object before the record, a replace removes the
// old object once the file points at the new one (and the new bytes are what the file serves).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { parseStorageUrl } from '../config/service-urls.js';
import { createS3Storage } from '../storage/s3-storage.js';
import type { MediaStorage } from '../storage/storage.js';
import { newOperationId } from '../test-support/clients.test-helper.js';
import { api, as, authenticate, createFile } from '../test-support/roles.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';
import {
  missingServices,
  S3_TEST_CREDENTIALS,
  testStorageUrl,
} from '../test-support/services.test-helper.js';

describe('trash and replace on S3', { skip: missingServices('s3') }, () => {
  let server: TestServer;
  let bucket: MediaStorage;
  before(async () => {
    process.env.AWS_ACCESS_KEY_ID = S3_TEST_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3_TEST_CREDENTIALS.secretAccessKey;
    const url = testStorageUrl();
    server = await startTestServer({ authenticate, storage: url });
    bucket = await createS3Storage({ ...parseStorageUrl(url), expiryMs: 60_000 });
  });
  after(async () => {
    await bucket?.close?.();
    await server?.close();
  });

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
  const stored = (key: string) =>
    bucket.size(key).then(
      () => true,
      () => false,
    );

  it('keeps the object in the trash and removes it on purge', async () => {
    const file = await createFile(server, 'alice', 'gone.txt');
    const key = await storageKey(file.id);
    assert.equal((await api(server, 'alice', 'DELETE', `/${file.id}`)).status, 204);
    assert.ok(await stored(key));
    assert.equal((await api(server, 'alice', 'DELETE', `/${file.id}?permanent=true`)).status, 204);
    assert.equal(await stored(key), false);
    assert.equal((await api(server, 'ada', 'GET', `/${file.id}`)).status, 404);
  });

  it('replaces the bytes and removes the old object', async () => {
    const file = await createFile(server, 'alice', 'notes.txt');
    const oldKey = await storageKey(file.id);
    const form = new FormData();
    form.set('operationId', newOperationId());
    form.set('replaceFileId', file.id);
    form.set('file', new Blob(['the corrected notes'], { type: 'text/plain' }), 'notes-v2.txt');
    const res = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: as('alice'),
      body: form,
    });
    assert.equal(res.status, 201);
    const after = await waitFor(async () => {
      const current = (await api(server, 'alice', 'GET', `/${file.id}`)).body as MediaFile;
      return current.status === 'ready' && current.size === 'the corrected notes'.length
        ? current
        : undefined;
    });
    assert.equal(after.name, 'notes.txt');
    assert.equal((await api(server, 'alice', 'GET', `/${file.id}/content`)).body, 'the corrected notes');
    assert.equal(await stored(oldKey), false);
    assert.ok(await stored(await storageKey(file.id)));
  });
});
