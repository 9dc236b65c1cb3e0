// Stock tus clients: tus-js-client without any metadata (no operationId, no filename) uploads,
// pauses and resumes, and its file reaches `ready`; the server mints the operation id (our format),
// answers it in Mediabay-Operation-Id and puts it in the record and every event. A client-chosen
// id (a UUID) is kept as sent.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  FILE_ID_HEADER,
  isOperationId,
  OPERATION_ID_HEADER,
  type MediaFile,
  type ServerEvent,
} from '@mediabay/core/protocol';
import * as tus from 'tus-js-client';
import { generatedName } from '../media/operation-ids.js';
import { openEvents } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

interface Finished {
  url: string;
  fileId: string;
  operationId: string;
}

/** A stock tus-js-client upload: only the options a user of the library would pass. */
function stockUpload(
  endpoint: string,
  bytes: Buffer,
  options: Partial<tus.UploadOptions> = {},
): { upload: tus.Upload; done: Promise<Finished>; firstChunk: Promise<void> } {
  let chunked: () => void = () => undefined;
  const firstChunk = new Promise<void>((resolve) => (chunked = resolve));
  let upload!: tus.Upload;
  const done = new Promise<Finished>((resolve, reject) => {
    upload = new tus.Upload(bytes, {
      endpoint,
      retryDelays: [],
      storeFingerprintForResuming: false,
      ...options,
      onChunkComplete: () => chunked(),
      onError: reject,
      onSuccess: ({ lastResponse }) =>
        resolve({
          url: upload.url ?? '',
          fileId: lastResponse.getHeader(FILE_ID_HEADER) ?? '',
          operationId: lastResponse.getHeader(OPERATION_ID_HEADER) ?? '',
        }),
    });
    upload.start();
  });
  return { upload, done, firstChunk };
}

describe('stock tus clients', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const endpoint = () => `${server.url}/api/media/uploads`;
  const fileOf = async (id: string): Promise<MediaFile> =>
    (await (await fetch(`${server.url}/api/media/${id}`)).json()) as MediaFile;
  const ready = (id: string) =>
    waitFor(async () => {
      const file = await fileOf(id);
      return file.status === 'ready' || file.status === 'error' ? file : undefined;
    });

  it('uploads without metadata: a minted operation id, a generated name, ready', async () => {
    const { ws, events } = await openEvents(server.wsUrl);
    try {
      const bytes = randomBytes(3000);
      const { done } = stockUpload(endpoint(), bytes);
      const result = await done;
      assert.ok(isOperationId(result.operationId), `minted in our format: ${result.operationId}`);
      const file = await ready(result.fileId);
      assert.equal(file.status, 'ready');
      assert.equal(file.operationId, result.operationId);
      assert.equal(file.name, generatedName(result.operationId));
      assert.equal(file.size, bytes.length);
      const content = Buffer.from(await (await fetch(`${server.url}${file.contentUrl}`)).arrayBuffer());
      assert.ok(content.equals(bytes));
      const ofUpload = await waitFor(() => {
        const mine = events.filter(
          (e: ServerEvent) => 'operationId' in e && e.operationId === result.operationId,
        );
        return mine.some((e) => e.type === 'media-upload-complete') ? mine : undefined;
      });
      assert.ok(ofUpload.some((e) => e.type === 'media-upload-progress'));
    } finally {
      ws.close();
    }
  });

  it('answers the minted id on the creating POST and on HEAD (header and Upload-Metadata)', async () => {
    const created = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '4' },
    });
    assert.equal(created.status, 201);
    const operationId = created.headers.get(OPERATION_ID_HEADER) ?? '';
    assert.ok(isOperationId(operationId));
    const head = await fetch(new URL(created.headers.get('location') ?? '', endpoint()), {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0' },
    });
    assert.equal(head.headers.get(OPERATION_ID_HEADER), operationId);
    assert.match(head.headers.get('upload-metadata') ?? '', new RegExp(`operationId ${btoa(operationId)}`));
  });

  it('pauses (abort) and resumes from the upload URL, one file with every byte', async () => {
    const bytes = randomBytes(256 * 1024);
    const first = stockUpload(endpoint(), bytes, { chunkSize: 64 * 1024 });
    await first.firstChunk;
    await first.upload.abort();
    const url = first.upload.url ?? '';
    assert.ok(url);
    const resumed = stockUpload(endpoint(), bytes, { uploadUrl: url, chunkSize: 64 * 1024 });
    const result = await resumed.done;
    assert.equal(result.url, url);
    const file = await ready(result.fileId);
    assert.equal(file.size, bytes.length);
    const content = Buffer.from(await (await fetch(`${server.url}${file.contentUrl}`)).arrayBuffer());
    assert.ok(content.equals(bytes));
  });

  it('uploads through POST + X-HTTP-Method-Override (overridePatchMethod)', async () => {
    const bytes = randomBytes(100 * 1024);
    const { done } = stockUpload(endpoint(), bytes, { overridePatchMethod: true, chunkSize: 40 * 1024 });
    const result = await done;
    const file = await ready(result.fileId);
    const content = Buffer.from(await (await fetch(`${server.url}${file.contentUrl}`)).arrayBuffer());
    assert.ok(content.equals(bytes));
  });

  it('keeps a client-chosen id (a UUID) and the given name', async () => {
    const operationId = randomUUID();
    const { done } = stockUpload(endpoint(), Buffer.from('hello uuid'), {
      metadata: { filename: 'uuid.txt', operationId },
    });
    const result = await done;
    assert.equal(result.operationId, operationId);
    const file = await ready(result.fileId);
    assert.deepEqual([file.name, file.operationId], ['uuid.txt', operationId]);
    const status = await fetch(`${server.url}/api/media/operations/${operationId}`);
    assert.equal(status.status, 200);
  });

  it('multipart without an operationId: minted, in the body and the header', async () => {
    const form = new FormData();
    form.append('file', new Blob(['form bytes']), 'form.txt');
    const res = await fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { fileId: string; operationId: string };
    assert.ok(isOperationId(body.operationId));
    assert.equal(res.headers.get(OPERATION_ID_HEADER), body.operationId);
    assert.equal((await fileOf(body.fileId)).operationId, body.operationId);
  });
});
