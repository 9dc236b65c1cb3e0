// One operation, one library file: uploads of the same operation ID repeated after the first made
// its file (a creating POST whose answer the client never read, a multipart retry), or racing it,
// answer with that file and leave no copy behind; deleting the file frees its operation.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ListResponse } from '@mediabay/core/protocol';
import { newOperationId, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('one file per operation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const endpoint = () => `${server.url}/api/media/uploads`;
  const filesOf = async (operationId: string) => {
    const list = (await (await fetch(`${server.url}/api/media?limit=200`)).json()) as ListResponse;
    return list.items.filter((f) => f.operationId === operationId);
  };
  /** Bytes of tus uploads left on disk (each upload is a file plus its `.json`). */
  const uploadsOnDisk = async () =>
    (await fs.readdir(path.join(server.dataDir, 'files', 'uploads'))).filter((f) => !f.endsWith('.json'))
      .length;

  for (const [name, extra] of [
    ['sent with the creating POST', { uploadDataDuringCreation: true }],
    ['created, then sent in a PATCH', {}],
  ] as const) {
    it(`answers a repeated tus upload (${name}) with the operation's file and keeps no copy`, async () => {
      const operationId = newOperationId();
      const meta = { name: 'notes.txt', type: 'text/plain', operationId };
      const first = await tusUpload(endpoint(), Buffer.from('first bytes'), meta, extra);
      const onDisk = await uploadsOnDisk();
      const again = await tusUpload(endpoint(), Buffer.from('first bytes'), meta, extra);
      assert.ok(first.fileId);
      assert.notEqual(again.url, first.url, 'a second upload');
      assert.equal(again.fileId, first.fileId, 'answered with the file the first one made');
      assert.deepEqual(
        (await filesOf(operationId)).map((f) => f.id),
        [first.fileId],
      );
      // removed once tus has answered
      await waitFor(async () => ((await uploadsOnDisk()) === onDisk ? true : undefined));
    });
  }

  it('makes one file of uploads of one operation racing each other', async () => {
    const operationId = newOperationId();
    const meta = { name: 'race.txt', type: 'text/plain', operationId };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => tusUpload(endpoint(), Buffer.from('same bytes'), meta)),
    );
    const files = await filesOf(operationId);
    assert.equal(files.length, 1);
    assert.deepEqual(new Set(results.map((r) => r.fileId)), new Set([files[0]?.id]));
  });

  it('answers a repeated multipart upload with the same file', async () => {
    const operationId = newOperationId();
    const post = async () => {
      const form = new FormData();
      form.append('operationId', operationId);
      form.append('file', new Blob(['hello']), 'a.txt');
      const res = await fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form });
      assert.equal(res.status, 201);
      return ((await res.json()) as { fileId: string }).fileId;
    };
    const first = await post();
    assert.equal(await post(), first);
    assert.equal((await filesOf(operationId)).length, 1);
  });

  it('frees the operation when its file is purged', async () => {
    const operationId = newOperationId();
    const meta = { name: 'again.txt', type: 'text/plain', operationId };
    const first = await tusUpload(endpoint(), Buffer.from('v1'), meta);
    // a file in the trash keeps its operation (it may be restored): purged, it lets it go
    const deleted = await fetch(`${server.url}/api/media/${first.fileId}?permanent=true`, {
      method: 'DELETE',
    });
    assert.equal(deleted.status, 204);
    const second = await tusUpload(endpoint(), Buffer.from('v2'), meta);
    assert.ok(second.fileId && second.fileId !== first.fileId);
    assert.deepEqual(
      (await filesOf(operationId)).map((f) => f.id),
      [second.fileId],
    );
  });
});
