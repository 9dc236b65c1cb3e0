import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startThrottleProxy, type ThrottleProxy } from '../test-support/throttle-proxy.js';
import { makeFile } from '../test-support/media-server.js';
import { startTusServer, type TusTestServer } from '../test-support/tus-server.js';
import { browserBody, createWholeFileSource } from './file-source.js';
import type { TransportCallbacks, TransportError, TransportUpload } from './transport.js';
import { SEND_WITH_CREATION_MAX, tusTransport } from './tus.js';

let server: TusTestServer;
before(async () => {
  server = await startTusServer();
});
after(() => server.close());

const sha = async (blob: Blob | Buffer) =>
  createHash('sha256')
    .update(blob instanceof Blob ? Buffer.from(await blob.arrayBuffer()) : blob)
    .digest('hex');

/** a tus transport for `file` (resuming at `uploadUrl` when given) */
function run(
  file: File,
  endpoint: string,
  extra: Partial<TransportCallbacks> = {},
  headers = {},
  uploadUrl?: string,
) {
  const progress: number[] = [];
  let upload!: TransportUpload;
  const done = new Promise<void>((resolve, reject) => {
    upload = tusTransport(
      {
        file,
        operationId: 'media_upload_1764140000000_abcdefghijklmno',
        endpoint,
        headers: () => headers,
        uploadUrl,
      },
      {
        onProgress: (sent) => {
          progress.push(sent);
          extra.onProgress?.(sent, file.size);
        },
        onSuccess: () => resolve(),
        onError: (error: TransportError) => reject(Object.assign(new Error(error.message), error)),
        onUrl: extra.onUrl,
      },
    );
  });
  return { upload, done, progress };
}

test('the body at offset 0 is the File itself; later offsets get a slice', async () => {
  const file = makeFile(1000);
  const source = createWholeFileSource(file, browserBody);
  assert.equal((await source.slice(0, Number.POSITIVE_INFINITY)).value, file);
  assert.equal((await source.slice(0, 1000)).value, file);
  const rest = await source.slice(400, 1000);
  assert.notEqual(rest.value, file);
  assert.equal((rest.value as Blob).size, 600);
  assert.equal(rest.done, true);
});

test('uploads a file in one PATCH with its metadata and the caller headers', async () => {
  const file = makeFile(3 * 1024 * 1024 + 17, 'holiday.mp4');
  const urls: string[] = [];
  const { upload, done, progress } = run(
    file,
    server.endpoint,
    { onUrl: (url) => urls.push(url) },
    { authorization: 'Bearer t0ken' },
  );
  const before = server.patchOffsets.length;
  upload.start();
  await done;
  assert.deepEqual(server.patchOffsets.slice(before), [0], 'one PATCH from offset 0');
  assert.equal(progress.at(-1), file.size);
  assert.ok(upload.url?.startsWith(`${server.endpoint}/uploads/`));
  assert.deepEqual(urls, [upload.url], 'its URL, to resume from, before the bytes went');
  assert.equal(await sha(await server.bytesOf(upload.url!)), await sha(file));
  const meta = server.finished.at(-1)!;
  assert.deepEqual(
    [meta.filename, meta.filetype, meta.operationId],
    ['holiday.mp4', 'application/octet-stream', 'media_upload_1764140000000_abcdefghijklmno'],
  );
  const tusRequests = server.requests.filter((r) => r.url.startsWith('/api/media/uploads'));
  assert.ok(tusRequests.slice(-2).every((r) => r.headers.authorization === 'Bearer t0ken'));
});

test('a small file travels in the POST that creates its upload: one request, no PATCH, no URL to keep', async () => {
  const file = makeFile(SEND_WITH_CREATION_MAX, 'small.png');
  const urls: string[] = [];
  const { upload, done, progress } = run(file, server.endpoint, { onUrl: (url) => urls.push(url) });
  const before = server.requests.length;
  upload.start();
  await done;
  const requests = server.requests.slice(before).filter((r) => r.url.startsWith('/api/media/uploads'));
  assert.deepEqual(
    requests.map((r) => r.method),
    ['POST'],
  );
  assert.equal(requests[0]!.headers['content-type'], 'application/offset+octet-stream');
  assert.equal(progress.at(-1), file.size);
  assert.equal(await sha(await server.bytesOf(upload.url!)), await sha(file));
  assert.equal(server.finished.at(-1)!.filename, 'small.png');
  assert.deepEqual(urls, [], 'the answer that made the URL stored every byte: nothing to resume');
});

test('a start that a cancel or pause overtakes before it sends sends nothing; the next start does', async () => {
  const before = server.requests.length;
  const canceled = run(makeFile(1024, 'canceled.png'), server.endpoint);
  canceled.upload.start();
  await canceled.upload.abort();
  const paused = run(makeFile(1024, 'paused.png'), server.endpoint);
  paused.upload.start();
  await paused.upload.pause();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(server.requests.slice(before), [], 'no request reached the server');
  paused.upload.start();
  await paused.done;
  const sent = server.requests.slice(before).filter((r) => r.url.startsWith('/api/media/uploads'));
  assert.deepEqual(
    sent.map((r) => r.method),
    ['POST'],
  );
});

test('pause keeps the upload URL and resume continues from the server offset', async () => {
  const proxy: ThrottleProxy = await startThrottleProxy(
    { host: '127.0.0.1', port: server.port },
    4 * 1024 * 1024,
  );
  try {
    const file = makeFile(6 * 1024 * 1024);
    let paused = false;
    let pause!: () => void;
    const pausedAt = new Promise<void>((resolve) => (pause = resolve));
    const { upload, done } = run(file, `${proxy.url}/api/media`, {
      onProgress: (sent) => {
        if (!paused && sent > 1024 * 1024) {
          paused = true;
          void upload.pause().then(pause);
        }
      },
    });
    const before = server.patchOffsets.length;
    upload.start();
    await pausedAt;
    const url = upload.url;
    assert.ok(url);
    // let the server write what reached it, then continue
    await new Promise((resolve) => setTimeout(resolve, 300));
    upload.start();
    await done;
    assert.equal(upload.url, url, 'the same upload resource');
    const offsets = server.patchOffsets.slice(before);
    assert.equal(offsets.length, 2);
    assert.equal(offsets[0], 0);
    assert.ok(offsets[1]! > 0 && offsets[1]! < file.size, `resumed at ${offsets[1]}`);
    assert.equal(
      await sha(await server.bytesOf(url!.replace(proxy.url, server.endpoint.replace('/api/media', '')))),
      await sha(file),
    );
  } finally {
    await proxy.close();
  }
});

test('an upload URL from an earlier session resumes where the server is', async () => {
  // larger than what loopback socket buffers hold, so bytes in flight at the pause cannot finish it
  const file = makeFile(12 * 1024 * 1024);
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 2 * 1024 * 1024);
  try {
    let url: string | null = null;
    let pausing = false;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const partial = run(file, `${proxy.url}/api/media`, {
      onUrl: (value) => (url = value),
      onProgress: (sent) => {
        if (sent > 512 * 1024 && !pausing) {
          pausing = true;
          void partial.upload.pause().then(stop);
        }
      },
    });
    partial.upload.start();
    await stopped;
    assert.ok(url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const direct = (url as string).replace(proxy.url, `http://127.0.0.1:${server.port}`);
    const before = server.patchOffsets.length;
    const resumed = new Promise<void>((resolve, reject) => {
      tusTransport(
        {
          file,
          operationId: 'media_upload_1764140000000_abcdefghijklmno',
          endpoint: server.endpoint,
          headers: () => ({}),
          uploadUrl: direct,
        },
        { onProgress: () => {}, onSuccess: () => resolve(), onError: (e) => reject(new Error(e.message)) },
      ).start();
    });
    await resumed;
    const offsets = server.patchOffsets.slice(before);
    assert.equal(offsets.length, 1);
    assert.ok(offsets[0]! > 0 && offsets[0]! < file.size, `resumed at ${offsets[0]}`);
    assert.equal(await sha(await server.bytesOf(direct)), await sha(file));
  } finally {
    await proxy.close();
  }
});

test('a 4xx answer is a final error carrying the server message', async () => {
  const file = makeFile(10);
  const { upload, done } = run(file, `${server.endpoint}/nope`);
  upload.start();
  await assert.rejects(done, (error: TransportError) => error.retryable === false && error.status === 404);
});

test("tus's 409 (offset moved) and 423 (upload locked) are retried, unlike other 4xx", async () => {
  for (const status of [409, 423]) {
    const answering = http.createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'busy', message: `answered ${status}` } }));
    });
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = answering.address() as AddressInfo;
      const { upload, done } = run(makeFile(10), `http://127.0.0.1:${port}/api/media`);
      upload.start();
      await assert.rejects(
        done,
        (error: TransportError) =>
          error.retryable === true && error.status === status && error.message === `answered ${status}`,
      );
    } finally {
      answering.closeAllConnections();
      await new Promise((resolve) => answering.close(resolve));
    }
  }
});

test('a refused connection is a retryable network error', async () => {
  const file = makeFile(10);
  const { upload, done } = run(file, 'http://127.0.0.1:9/api/media');
  upload.start();
  await assert.rejects(
    done,
    (error: TransportError) =>
      error.retryable === true &&
      error.code === 'network' &&
      error.status === 0 &&
      !/tus/.test(error.message),
  );
});

test('a resume whose HEAD meets 503 or 429 fails retryably with Retry-After and never starts again from byte 0', async () => {
  for (const status of [503, 429, 500]) {
    const seen: string[] = [];
    const answering = http.createServer((req, res) => {
      seen.push(req.method ?? '');
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end(JSON.stringify({ error: { code: 'busy', message: `answered ${status}` } }));
    });
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = answering.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}/api/media`;
      const { upload, done } = run(makeFile(64 * 1024), base, {}, {}, `${base}/uploads/0123456789abcdef`);
      upload.start();
      await assert.rejects(
        done,
        (error: TransportError) =>
          error.retryable === true && error.status === status && error.retryAfter === '7',
      );
      assert.deepEqual(seen, ['HEAD'], `${status}: no POST, no PATCH`);
    } finally {
      answering.closeAllConnections();
      await new Promise((resolve) => answering.close(resolve));
    }
  }
});

test('a resume whose upload is gone (404) starts a new upload, as tus does', async () => {
  const file = makeFile(2 * 1024 * 1024);
  const gone = `${server.endpoint}/uploads/00000000000000000000000000000000`;
  const { upload, done } = run(file, server.endpoint, {}, {}, gone);
  upload.start();
  await done;
  assert.equal(server.patchOffsets.at(-1), 0);
});
