import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { ListResponse, MediaFile } from '@mediabay/core/protocol';
import { makeVideo, newOperationId, sha256, tusUpload } from '../test-support/clients.test-helper.js';
import { rawRequest, startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('tus uploads', () => {
  let server: TestServer;
  let endpoint: string;
  before(async () => {
    server = await startTestServer();
    endpoint = `${server.url}/api/media/uploads`;
  });
  after(() => server.close());

  const getFile = async (id: string): Promise<MediaFile> =>
    (await (await fetch(`${server.url}/api/media/${id}`)).json()) as MediaFile;

  it('lists an uploaded video under its operation id, probes it, and serves identical bytes', async () => {
    const bytes = await fs.readFile(await makeVideo());
    const operationId = newOperationId();
    const { fileId } = await tusUpload(endpoint, bytes, { name: 'clip.mp4', type: 'video/mp4', operationId });
    assert.ok(fileId, 'the final response names the new file');

    const list = (await (await fetch(`${server.url}/api/media`)).json()) as ListResponse;
    const listed = list.items.find((f) => f.operationId === operationId);
    assert.equal(listed?.id, fileId);
    assert.equal(listed?.name, 'clip.mp4');
    assert.equal(listed?.size, bytes.length);

    const ready = await waitFor(async () => {
      const file = await getFile(fileId);
      return file.status === 'processing' ? undefined : file;
    });
    assert.equal(ready.status, 'ready');
    assert.equal(ready.type, 'video');
    assert.equal(ready.width, 320);
    assert.equal(ready.height, 240);
    assert.ok(
      ready.durationMs && ready.durationMs >= 900 && ready.durationMs <= 1100,
      `duration ${ready.durationMs}`,
    );

    const content = Buffer.from(await (await fetch(`${server.url}${ready.contentUrl}`)).arrayBuffer());
    assert.equal(sha256(content), sha256(bytes));
  });

  it('marks a file that claims to be video but is not as error, never leaving it processing', async () => {
    const real = await fs.readFile(await makeVideo());
    const { fileId } = await tusUpload(endpoint, Buffer.concat([real.subarray(0, 64), randomBytes(2048)]), {
      name: 'fake.mp4',
      type: 'video/mp4',
      operationId: newOperationId(),
    });
    const done = await waitFor(async () => {
      const file = await getFile(fileId as string);
      return file.status === 'processing' ? undefined : file;
    });
    assert.equal(done.status, 'error');
    assert.match(done.error ?? '', /could not be read/);
  });

  it('resumes an interrupted upload from the offset the server holds', async () => {
    const bytes = randomBytes(24 * 1024 * 1024);
    const operationId = newOperationId();
    const created = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(bytes.length),
        'Upload-Metadata': `filename ${btoa('big.bin')},filetype ${btoa('application/octet-stream')},operationId ${btoa(operationId)}`,
      },
    });
    const url = new URL(created.headers.get('location') ?? '', endpoint).href;
    // The connection drops after 4 MiB of a PATCH that announced the whole file.
    await new Promise<void>((resolve) => {
      const req = http.request(url, {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
          'Content-Length': String(bytes.length),
        },
      });
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, 4 * 1024 * 1024), () => setTimeout(() => req.destroy(), 100));
    });

    const offset = await waitFor(async () => {
      const head = await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      const value = Number(head.headers.get('upload-offset'));
      return value > 0 ? value : undefined;
    });
    assert.ok(offset < bytes.length, 'the first attempt stopped part-way');

    let firstProgress = -1;
    const { fileId } = await tusUpload(
      endpoint,
      bytes,
      { name: 'big.bin', type: 'application/octet-stream', operationId },
      {
        uploadUrl: url,
        onProgress: (sent) => {
          if (firstProgress < 0) firstProgress = sent;
        },
      },
    );
    assert.ok(firstProgress >= offset, `resumed at ${firstProgress}, server had ${offset}`);
    const stored = Buffer.from(
      await (await fetch(`${server.url}/api/media/${fileId}/content`)).arrayBuffer(),
    );
    assert.equal(sha256(stored), sha256(bytes));
    const list = (await (await fetch(`${server.url}/api/media?limit=200`)).json()) as ListResponse;
    assert.equal(list.items.filter((f) => f.operationId === operationId).length, 1, 'one file per operation');
  });

  it('terminates an unfinished upload (tus termination) and forgets it', async () => {
    const create = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '100',
        'Upload-Metadata': `filename ${btoa('a.txt')},filetype ${btoa('text/plain')},operationId ${btoa(newOperationId())}`,
      },
    });
    assert.equal(create.status, 201);
    const location = new URL(create.headers.get('location') ?? '', endpoint).href;
    const del = await fetch(location, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } });
    assert.equal(del.status, 204);
    const head = await fetch(location, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    assert.equal(head.status, 404);
  });

  it('accepts creation-with-upload and announces expiry of unfinished uploads', async () => {
    const body = Buffer.from('hello world');
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(body.length + 5),
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Metadata': `filename ${btoa('b.txt')},filetype ${btoa('text/plain')},operationId ${btoa(newOperationId())}`,
      },
      body,
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('upload-offset'), String(body.length));
    assert.ok(res.headers.get('upload-expires'), 'unfinished uploads say when they expire');
  });
});

describe('tus header checks', () => {
  let server: TestServer;
  let endpoint: string;
  before(async () => {
    server = await startTestServer();
    endpoint = `${server.url}/api/media/uploads`;
  });
  after(() => server.close());

  const create = (metadata: string | null, extra: Record<string, string> = {}) =>
    fetch(endpoint, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '10',
        ...(metadata === null ? {} : { 'Upload-Metadata': metadata }),
        ...extra,
      },
    });

  const cases: [string, string | null][] = [
    ['a malformed operationId', `filename ${btoa('a.txt')},operationId ${btoa('media upload/1')}`],
    ['a value that is not base64', `filename a*b,operationId ${btoa(newOperationId())}`],
    ['a control character in the name', `filename ${btoa('a\nb.txt')},operationId ${btoa(newOperationId())}`],
    [
      'a filetype that is not MIME',
      `filename ${btoa('a.txt')},filetype ${btoa('<b>')},operationId ${btoa(newOperationId())}`,
    ],
    ['a huge header', `filename ${btoa('a'.repeat(5000))},operationId ${btoa(newOperationId())}`],
  ];
  for (const [label, metadata] of cases) {
    it(`answers metadata with ${label} with 400 and the error body, storing nothing`, async () => {
      const res = await create(metadata);
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'invalid-metadata');
      assert.ok(body.error.message.length > 0);
      const entries = await fs.readdir(`${server.dataDir}/files/uploads`).catch(() => []);
      assert.deepEqual(entries, []);
    });
  }

  it('answers a wrong Tus-Resumable with 412', async () => {
    const res = await create(`filename ${btoa('a.txt')},operationId ${btoa(newOperationId())}`, {
      'Tus-Resumable': '0.2',
    });
    assert.equal(res.status, 412);
    assert.equal(res.headers.get('tus-version'), '1.0.0');
  });

  it('refuses an absurd Upload-Length', async () => {
    const res = await create(`filename ${btoa('a.txt')},operationId ${btoa(newOperationId())}`, {
      'Upload-Length': '100000000000000000000',
    });
    assert.equal(res.status, 400);
  });

  it('does not serve bytes over tus GET', async () => {
    const res = await fetch(`${endpoint}/0123456789abcdef0123456789abcdef`);
    assert.equal(res.status, 405);
  });

  it('answers traversal and unknown upload ids with 404', async () => {
    for (const id of ['..%2F..%2Fmediabay.sqlite', '%2e%2e', '..', '0123456789abcdef0123456789abcdef']) {
      for (const method of ['HEAD', 'PATCH', 'DELETE']) {
        const res = await rawRequest(server.url, method, `/api/media/uploads/${id}`, {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream',
        });
        assert.ok(res.status === 404 || res.status === 400, `${method} ${id}: ${res.status}`);
      }
    }
  });
});
