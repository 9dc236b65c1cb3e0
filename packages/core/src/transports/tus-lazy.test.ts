// tus-js-client is imported when the first upload starts (this file runs in its own process, so
// nothing loaded it before): calls made while it loads apply in order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFile } from '../test-support/media-server.js';
import { startTusServer, type TusTestServer } from '../test-support/tus-server.js';
import type { TransportError } from './transport.js';
import { preloadTus, tusTransport } from './tus.js';

let server: TusTestServer;
before(async () => {
  server = await startTusServer();
});
after(() => server.close());

test('start, pause and start again before tus-js-client has loaded: the upload completes whole', async () => {
  const file = makeFile(2 * 1024 * 1024 + 5, 'lazy.bin');
  let progress = 0;
  const done = new Promise<void>((resolve, reject) => {
    const upload = tusTransport(
      {
        file,
        operationId: 'media_upload_1764140000000_lazyloadlazyload',
        endpoint: server.endpoint,
        headers: () => ({}),
      },
      {
        onProgress: (sent) => (progress = sent),
        onSuccess: () => resolve(),
        onError: (error: TransportError) => reject(new Error(error.message)),
      },
    );
    assert.equal(upload.url, null, 'no upload exists before start');
    upload.start();
    void upload.pause().then(() => upload.start());
  });
  await done;
  assert.equal(progress, file.size);
  assert.equal(server.finished.at(-1)?.filename, 'lazy.bin');
});

test('preloadTus loads the module once', async () => {
  const [a, b] = await Promise.all([preloadTus(), preloadTus()]);
  assert.equal(a, b);
  assert.equal(typeof a.Upload, 'function');
});
