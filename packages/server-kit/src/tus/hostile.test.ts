// tus requests that do not add up: each gets a clear 4xx and leaves the upload as it was.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { heapGrowth } from '../http/heap-growth.js';
import { newOperationId } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

const TUS = { 'Tus-Resumable': '1.0.0' };
const PATCH_HEADERS = { ...TUS, 'Content-Type': 'application/offset+octet-stream' };

describe('hostile tus requests', () => {
  let server: TestServer;
  let endpoint: string;
  before(async () => {
    server = await startTestServer({ limits: { maxFileSize: 1000 } });
    endpoint = `${server.url}/api/media/uploads`;
  });
  after(() => server.close());

  const create = async (headers: Record<string, string>): Promise<Response> =>
    fetch(endpoint, {
      method: 'POST',
      headers: {
        ...TUS,
        'Upload-Metadata': `filename ${btoa('x.bin')},operationId ${btoa(newOperationId())}`,
        ...headers,
      },
    });
  const createdUrl = async (length = '100'): Promise<string> => {
    const res = await create({ 'Upload-Length': length });
    assert.equal(res.status, 201);
    return new URL(res.headers.get('location') ?? '', endpoint).href;
  };
  const offsetOf = async (url: string): Promise<string | null> =>
    (await fetch(url, { method: 'HEAD', headers: TUS })).headers.get('upload-offset');

  it('refuses an Upload-Length over the limit with 413 before storing anything', async () => {
    const res = await create({ 'Upload-Length': '1001' });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'file-too-large');
    assert.deepEqual(await fs.readdir(path.join(server.dataDir, 'files', 'uploads')).catch(() => []), []);
  });

  it('refuses both or neither of Upload-Length and Upload-Defer-Length', async () => {
    assert.equal((await create({})).status, 400);
    assert.equal((await create({ 'Upload-Length': '-5' })).status, 400);
    assert.equal((await create({ 'Upload-Defer-Length': '2' })).status, 400);
  });

  it('answers a PATCH at the wrong offset with 409 and keeps the upload as it was', async () => {
    const url = await createdUrl();
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { ...PATCH_HEADERS, 'Upload-Offset': '50' },
      body: randomBytes(10),
    });
    assert.equal(res.status, 409);
    assert.equal(await offsetOf(url), '0');
  });

  it('refuses a PATCH whose body runs past the declared length', async () => {
    const url = await createdUrl('10');
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { ...PATCH_HEADERS, 'Upload-Offset': '0' },
      body: randomBytes(20),
    });
    assert.equal(res.status, 413);
    assert.equal(await offsetOf(url), '0');
  });

  it('refuses a streamed PATCH body that runs past the length, and lets go of the heap growth hold', async () => {
    const url = await createdUrl('10');
    const chunks = Array.from({ length: 64 }, () => randomBytes(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { ...PATCH_HEADERS, 'Upload-Offset': '0' },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(await offsetOf(url), '0');
    // the answer went mid-body: the hold ends with it (http/heap-growth.ts)
    await waitFor(() => (heapGrowth.reading === 0 ? true : undefined), 10_000);
  });

  it('refuses PATCH requests with missing or malformed headers', async () => {
    const url = await createdUrl();
    const cases: Record<string, string>[] = [
      { ...TUS, 'Content-Type': 'application/offset+octet-stream' }, // no offset
      { ...TUS, 'Upload-Offset': '0', 'Content-Type': 'text/plain' },
      { ...PATCH_HEADERS, 'Upload-Offset': '-1' },
      { ...PATCH_HEADERS, 'Upload-Offset': 'abc' },
      { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' }, // no Tus-Resumable
    ];
    for (const headers of cases) {
      const res = await fetch(url, { method: 'PATCH', headers, body: randomBytes(5) });
      assert.ok(res.status >= 400 && res.status < 500, `${JSON.stringify(headers)} -> ${res.status}`);
    }
    assert.equal(await offsetOf(url), '0');
  });

  it('holds a deferred-length upload to the size limit', async () => {
    const res = await create({ 'Upload-Defer-Length': '1' });
    assert.equal(res.status, 201);
    const url = new URL(res.headers.get('location') ?? '', endpoint).href;
    const tooLong = await fetch(url, {
      method: 'PATCH',
      headers: { ...PATCH_HEADERS, 'Upload-Offset': '0', 'Upload-Length': '5000' },
      body: randomBytes(10),
    });
    assert.equal(tooLong.status, 413);
    const body = await fetch(url, {
      method: 'PATCH',
      headers: { ...PATCH_HEADERS, 'Upload-Offset': '0' },
      body: randomBytes(1500),
    });
    assert.equal(body.status, 413);
  });
});

describe('upload expiry', () => {
  it('removes the bytes and the record of an upload left unfinished past the expiry', async () => {
    const server = await startTestServer({ limits: { uploadExpiryMs: 300 } });
    try {
      const res = await fetch(`${server.url}/api/media/uploads`, {
        method: 'POST',
        headers: {
          ...TUS,
          'Upload-Length': '100',
          'Content-Type': 'application/offset+octet-stream',
          'Upload-Metadata': `filename ${btoa('x.bin')},operationId ${btoa(newOperationId())}`,
        },
        body: randomBytes(40),
      });
      assert.equal(res.status, 201);
      assert.ok(res.headers.get('upload-expires'));
      const url = new URL(res.headers.get('location') ?? '', server.url).href;
      const dir = path.join(server.dataDir, 'files', 'uploads');
      assert.deepEqual(
        await fs.readdir(dir),
        [new URL(url).pathname.split('/').pop()],
        'the bytes alone while in progress',
      );
      await waitFor(async () => ((await fs.readdir(dir)).length === 0 ? true : undefined), 5000);
      assert.equal((await fetch(url, { method: 'HEAD', headers: TUS })).status, 404);
    } finally {
      await server.close();
    }
  });
});
