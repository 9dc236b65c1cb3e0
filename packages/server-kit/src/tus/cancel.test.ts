// A creator's tus DELETE on a real server: tus-js-client's abort(true) and a plain DELETE each leave
// one `upload.canceled` entry with the bytes received so far; refused or failed cancels leave none
// and keep the upload; a failed entry keeps the upload (row and bytes) in place.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEntry } from '@mediabay/core/protocol';
import * as tus from 'tus-js-client';
import type { MediaDatabase } from '../db/database.js';
import { createSqliteDatabase } from '../db/sqlite.js';
import { newOperationId, tusOptions, tusUpload } from '../test-support/clients.test-helper.js';
import { as, auditLog, authenticate, createUpload, TUS } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

const canceled = async (server: TestServer): Promise<AuditEntry[]> =>
  (await auditLog(server)).filter((e) => e.action === 'upload.canceled');

/** Sends `length` bytes of an upload made by createUpload (100 bytes long). */
async function patch(server: TestServer, uploadPath: string, user: string, length: number): Promise<void> {
  const res = await fetch(`${server.url}/api/media${uploadPath}`, {
    method: 'PATCH',
    headers: {
      ...as(user),
      ...TUS,
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
    },
    body: Buffer.alloc(length, 7),
  });
  assert.equal(res.status, 204);
}

const remove = (server: TestServer, uploadPath: string, user: string) =>
  fetch(`${server.url}/api/media${uploadPath}`, { method: 'DELETE', headers: { ...as(user), ...TUS } });

describe('audit of a canceled tus upload', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ authenticate, limits: { rateLimit: { max: 0, windowMs: 1000 } } });
  });
  after(() => server.close());

  it("records tus-js-client's abort(true) as upload.canceled with the bytes the server had", async () => {
    const operationId = newOperationId();
    const size = 256 * 1024;
    const accepted = await new Promise<number>((resolve, reject) => {
      const upload = new tus.Upload(Buffer.alloc(size, 1), {
        ...tusOptions(`${server.url}/api/media/uploads`, 'big.bin', 'application/octet-stream', operationId),
        headers: as('alice'),
        chunkSize: 64 * 1024,
        onError: reject,
        onSuccess: () => reject(new Error('the upload finished')),
        onChunkComplete: (_chunk, bytesAccepted) => {
          // terminate: tus-js-client sends DELETE to the upload URL
          upload.abort(true).then(() => resolve(bytesAccepted), reject);
        },
      });
      upload.start();
    });
    const [entry] = await canceled(server);
    assert.ok(entry, 'an entry once abort(true) resolved');
    assert.deepEqual(
      [entry.tenantId, entry.userId, entry.operationId, entry.fileId],
      ['t1', 'alice', operationId, null],
    );
    assert.deepEqual(entry.detail, { name: 'big.bin', size, bytesReceived: accepted });
    assert.equal(accepted, 64 * 1024);
  });

  it('records a plain DELETE once, and the upload is gone', async () => {
    const { path: uploadPath, operationId } = await createUpload(server, 'erin');
    await patch(server, uploadPath, 'erin', 40);
    const before = (await canceled(server)).length;
    assert.equal((await remove(server, uploadPath, 'erin')).status, 204);
    const added = (await canceled(server)).slice(before);
    assert.deepEqual(
      added.map((e) => [e.userId, e.operationId, e.detail?.bytesReceived, e.detail?.size]),
      [['erin', operationId, 40, 100]],
    );
    const head = await fetch(`${server.url}/api/media${uploadPath}`, {
      method: 'HEAD',
      headers: { ...as('erin'), ...TUS },
    });
    assert.equal(head.status, 404);
    assert.equal((await remove(server, uploadPath, 'erin')).status, 404, 'a repeated DELETE');
    assert.equal((await canceled(server)).length, before + 1, 'still one entry');
  });

  it("records no cancel for someone else's DELETE or for a finished upload", async () => {
    const before = (await canceled(server)).length;
    const { path: uploadPath } = await createUpload(server, 'alice');
    assert.equal((await remove(server, uploadPath, 'erin')).status, 403);
    const { url } = await tusUpload(
      `${server.url}/api/media/uploads`,
      Buffer.from('all of it'),
      { name: 'done.txt', type: 'text/plain', operationId: newOperationId() },
      { headers: as('alice') },
    );
    const finished = await fetch(url, { method: 'DELETE', headers: { ...as('alice'), ...TUS } });
    assert.ok(finished.status >= 400, `a finished upload cannot be terminated (${finished.status})`);
    assert.equal((await canceled(server)).length, before);
    const head = await fetch(`${server.url}/api/media${uploadPath}`, {
      method: 'HEAD',
      headers: { ...as('alice'), ...TUS },
    });
    assert.equal(head.status, 200, "alice's upload is still there");
  });
});

describe('a cancel whose audit entry cannot be written', () => {
  let dir: string;
  let server: TestServer;
  const broken = { audit: false };

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-cancel-'));
    const db = await createSqliteDatabase(path.join(dir, 'db.sqlite'));
    const breakable = (inner: MediaDatabase): MediaDatabase => ({
      ...inner,
      transaction: (work) => inner.transaction((tx) => work(breakable(tx))),
      appendAudit: async (entry) => {
        if (broken.audit && entry.action === 'upload.canceled') throw new Error('audit store down');
        return inner.appendAudit(entry);
      },
    });
    server = await startTestServer({ dataDir: dir, authenticate, database: breakable(db) });
  });
  after(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('fails the DELETE and keeps the upload: its row, its bytes and its offset', async () => {
    const { path: uploadPath } = await createUpload(server, 'alice');
    await patch(server, uploadPath, 'alice', 30);
    broken.audit = true;
    const error = console.error;
    console.error = () => undefined; // tus logs the 500
    try {
      assert.equal((await remove(server, uploadPath, 'alice')).status, 500);
    } finally {
      broken.audit = false;
      console.error = error;
    }
    assert.deepEqual(await canceled(server), []);
    const head = await waitFor(async () => {
      const res = await fetch(`${server.url}/api/media${uploadPath}`, {
        method: 'HEAD',
        headers: { ...as('alice'), ...TUS },
      });
      return res.status === 200 ? res : undefined;
    });
    assert.equal(head.headers.get('upload-offset'), '30');
    assert.equal((await remove(server, uploadPath, 'alice')).status, 204, 'a retried cancel works');
    assert.equal((await canceled(server)).length, 1);
  });
});
