// S3 storage against a real S3-compatible server (Swift s3api, scripts/services/s3-server.sh).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { Upload } from '@tus/utils';
import { parseStorageUrl } from '../config/service-urls.js';
import {
  missingServices,
  S3_TEST_CREDENTIALS,
  testStorageUrl,
} from '../test-support/services.test-helper.js';
import { createS3Storage } from './s3-storage.js';
import type { MediaStorage } from './storage.js';

const collect = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('S3 storage', { skip: missingServices('s3') }, () => {
  let storage: MediaStorage;
  before(async () => {
    process.env.AWS_ACCESS_KEY_ID = S3_TEST_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3_TEST_CREDENTIALS.secretAccessKey;
    // a bucket that does not exist yet: created on start
    storage = await createS3Storage({ ...parseStorageUrl(testStorageUrl()), expiryMs: 60_000 });
  });
  after(() => storage.close?.());

  it('writes, sizes, reads whole and by range, and removes objects', async () => {
    const bytes = randomBytes(100_000);
    assert.equal(await storage.write('derived/x-thumb.jpg', Readable.from([bytes])), bytes.length);
    assert.equal(await storage.size('derived/x-thumb.jpg'), bytes.length);
    assert.deepEqual(await collect(storage.read('derived/x-thumb.jpg')), bytes);
    assert.deepEqual(
      await collect(storage.read('derived/x-thumb.jpg', { start: 10, end: 19 })),
      bytes.subarray(10, 20),
    );
    await storage.remove('derived/x-thumb.jpg');
    await assert.rejects(storage.size('derived/x-thumb.jpg'));
    await assert.rejects(collect(storage.read('derived/x-thumb.jpg')), 'a missing object errors the stream');
  });

  it('gives processing a local copy and removes it on release', async () => {
    const bytes = randomBytes(5000);
    await storage.write('media/copy-me', Readable.from([bytes]));
    const copy = await storage.localCopy('media/copy-me');
    assert.deepEqual(await fs.readFile(copy.path), bytes);
    await copy.release();
    await assert.rejects(fs.access(copy.path));
  });

  it('aborts and removes unfinished multipart uploads once they expire', async () => {
    const expiring = await createS3Storage({ ...parseStorageUrl(testStorageUrl()), expiryMs: 1 });
    try {
      const id = randomBytes(16).toString('hex');
      await expiring.tusStore.create(
        new Upload({ id, size: 10 * 1024 * 1024, offset: 0, creation_date: new Date().toISOString() }),
      );
      await expiring.tusStore.write(Readable.from([randomBytes(1024)]), id, 0);
      // some services (Swift) report the start of a multipart upload to the second
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.ok((await expiring.removeExpired()) >= 1);
      assert.equal(await expiring.removeExpired(), 0, 'the multipart upload was aborted: none is listed');
    } finally {
      await expiring.close?.();
    }
  });

  it('refuses keys outside its patterns', async () => {
    await assert.rejects(storage.size('../etc/passwd'), /invalid storage key/);
    await assert.rejects(
      storage.write('uploads/../../x', Readable.from([Buffer.from('x')])),
      /invalid storage key/,
    );
  });
});
