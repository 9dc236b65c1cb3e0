import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { heapGrowth } from '../http/heap-growth.js';
import { makeMedia, newOperationId, sha256 } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('multipart upload', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { maxFileSize: 1024 * 1024 } });
  });
  after(() => server.close());

  const post = (form: FormData) => fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form });
  const form = (parts: [string, string | Blob, string?][]): FormData => {
    const data = new FormData();
    for (const [name, value, filename] of parts) {
      if (typeof value === 'string') data.append(name, value);
      else data.append(name, value, filename);
    }
    return data;
  };

  it('stores a small file, processes it and serves the same bytes', async () => {
    const bytes = await fs.readFile(await makeMedia('still.jpg'));
    const operationId = newOperationId();
    const res = await post(
      form([
        ['operationId', operationId],
        ['file', new Blob([bytes], { type: 'image/jpeg' }), 'photo 1.jpg'],
      ]),
    );
    assert.equal(res.status, 201);
    const body = (await res.json()) as { success: boolean; fileId: string };
    assert.equal(body.success, true);
    const file = await waitFor(async () => {
      const f = (await (await fetch(`${server.url}/api/media/${body.fileId}`)).json()) as MediaFile;
      return f.status === 'processing' ? undefined : f;
    });
    assert.deepEqual(
      [file.name, file.type, file.status, file.operationId],
      ['photo 1.jpg', 'image', 'ready', operationId],
    );
    assert.deepEqual([file.width, file.height], [200, 100]);
    const served = Buffer.from(await (await fetch(`${server.url}${file.contentUrl}`)).arrayBuffer());
    assert.equal(sha256(served), sha256(bytes));
  });

  it('accepts the operation id after the file too', async () => {
    const res = await post(
      form([
        ['file', new Blob(['hello']), 'a.txt'],
        ['operationId', newOperationId()],
      ]),
    );
    assert.equal(res.status, 201);
  });

  const refused: [string, () => FormData, number, string][] = [
    ['no file', () => form([['operationId', newOperationId()]]), 400, 'invalid-form'],
    [
      'a bad operation id',
      () =>
        form([
          ['operationId', '../x'],
          ['file', new Blob(['x']), 'a.txt'],
        ]),
      400,
      'invalid-field',
    ],
    [
      'two files',
      () =>
        form([
          ['operationId', newOperationId()],
          ['file', new Blob(['x']), 'a.txt'],
          ['file', new Blob(['y']), 'b.txt'],
        ]),
      400,
      'invalid-form',
    ],
    [
      'a file over the limit',
      () =>
        form([
          ['operationId', newOperationId()],
          ['file', new Blob([new Uint8Array(1024 * 1024 + 1)]), 'big.bin'],
        ]),
      413,
      'file-too-large',
    ],
    [
      'a name with control characters',
      () =>
        form([
          ['operationId', newOperationId()],
          ['file', new Blob(['x']), 'a\u0007b.txt'],
        ]),
      400,
      'invalid-form',
    ],
  ];
  for (const [label, make, status, code] of refused) {
    it(`refuses ${label} with ${status} ${code}, keeping no bytes`, async () => {
      const before = await fs.readdir(path.join(server.dataDir, 'files', 'media')).catch(() => []);
      const res = await post(make());
      assert.equal(res.status, status);
      const body = (await res.json()) as { success: boolean; error: { code: string } };
      assert.deepEqual([body.success, body.error.code], [false, code]);
      const after = await fs.readdir(path.join(server.dataDir, 'files', 'media')).catch(() => []);
      assert.deepEqual(after, before);
      assert.equal(heapGrowth.reading, 0, 'the heap growth hold is let go (http/heap-growth.ts)');
    });
  }

  it('refuses a body that is not multipart', async () => {
    const res = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      body: 'x',
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(res.status, 400);
  });
});

describe('a multipart upload whose client left before its body was read', () => {
  it('is answered and holds no heap growth', { timeout: 20_000 }, async () => {
    const checking: { entered?: () => void; leave?: () => void } = {};
    const entered = new Promise<void>((resolve) => (checking.entered = resolve));
    const leave = new Promise<void>((resolve) => (checking.leave = resolve));
    const server = await startTestServer({
      authorize: async (_user, action) => {
        if (action === 'upload') {
          checking.entered?.();
          await leave; // the access check is slow: the client goes meanwhile
        }
        return true;
      },
    });
    try {
      const seen: { req?: IncomingMessage; res?: ServerResponse } = {};
      server.http.on('request', (req: IncomingMessage, res: ServerResponse) =>
        Object.assign(seen, { req, res }),
      );
      const boundary = 'xxBOUNDARYxx';
      const client = http.request(`${server.url}/api/media/upload`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': '100000' },
      });
      client.on('error', () => undefined);
      client.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n`);
      await entered;
      client.destroy();
      await waitFor(() => (seen.req?.destroyed ? true : undefined), 10_000);
      checking.leave?.();
      await waitFor(() => (seen.res?.writableEnded ? true : undefined), 10_000);
      assert.equal(heapGrowth.reading, 0, 'no body is read any more');
    } finally {
      checking.leave?.();
      await server.close();
    }
  });
});
