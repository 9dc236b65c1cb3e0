import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnectivity } from '../live/connectivity.js';
import { httpError, networkError, type Transport, type TransportError } from '../transports/transport.js';
import type { UploadWaiting } from '../types.js';
import { createUploader } from './uploader.js';
import { createUploadStore } from './uploads-store.js';
import { waitFor } from '../test-support/wait.js';
import { uploadItem } from '../test-support/upload-item.js';

// The uploader with the retry policy and the connectivity gate: a transport that fails as scripted
// (one entry per start: an error, or null to succeed), a probe that answers as told.
function setup(script: (TransportError | null)[], probe: () => boolean, retries = 3) {
  const store = createUploadStore();
  let starts = 0;
  const transport: Transport = (_options, callbacks) => ({
    start() {
      const outcome = script[Math.min(starts++, script.length - 1)];
      setTimeout(() => (outcome ? callbacks.onError(outcome) : callbacks.onSuccess({ fileId: 'f1' })), 1);
    },
    pause: () => Promise.resolve(),
    abort: () => Promise.resolve(),
    url: null,
  });
  const connectivity = createConnectivity({
    probe: async () => probe(),
    probeDelay: () => 5,
    target: { navigator: { onLine: true } },
  });
  const waits: UploadWaiting[] = [];
  const uploader = createUploader({
    store,
    transport,
    endpoint: '/api',
    headers: () => ({}),
    connectivity,
    retries,
    onChange: ({ item }) => void (item.waiting && waits.push(item.waiting)),
  });
  const item = uploadItem('op1', { name: 'a.txt', size: 10, mimeType: 'text/plain', type: 'document' });
  store.add([item]);
  uploader.add([{ item, file: new File(['0123456789'], 'a.txt') }]);
  const settled = () =>
    waitFor(
      () => {
        const status = store.get('op1')!.status;
        return status === 'processing' || status === 'error' ? store.get('op1') : undefined;
      },
      5000,
      'settled',
    );
  const close = () => {
    uploader.destroy();
    connectivity.close();
    store.destroy();
  };
  return { store, settled, waits, starts: () => starts, close };
}

test('no answer: the upload waits for the probe however many times it fails, then goes on', async () => {
  let up = false;
  const run = setup(
    [networkError(), networkError(), networkError(), networkError(), networkError(), null],
    () => up,
  );
  await waitFor(() => run.starts() >= 1 && run.waits.length > 0, 2000, 'a wait');
  assert.deepEqual(run.waits[0], { reason: 'unreachable', retryAt: null });
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(run.starts(), 1, 'nothing is sent while the probe gets no answer');
  up = true;
  const item = await run.settled();
  assert.equal(item!.status, 'processing');
  assert.equal(item!.waiting, undefined);
  assert.equal(run.starts(), 6);
  run.close();
});

test('429 and 503 wait as Retry-After says, without a try limit; a 4xx is final with its message', async () => {
  const busy = httpError(503, '', '0');
  const slow = httpError(429, '', '0');
  const run = setup([slow, busy, slow, busy, slow, busy, null], () => true, 1);
  assert.equal((await run.settled())!.status, 'processing');
  assert.deepEqual([...new Set(run.waits.map((wait) => wait.reason))].sort(), [
    'rate-limited',
    'server-busy',
  ]);
  assert.ok(run.waits.every((wait) => typeof wait.retryAt === 'number'));
  run.close();

  const refused = setup(
    [httpError(413, JSON.stringify({ error: { code: 'file-too-large', message: 'Too big.' } }))],
    () => true,
  );
  const failed = await refused.settled();
  assert.deepEqual(failed!.error, {
    code: 'file-too-large',
    message: 'Too big.',
    retryable: false,
    fromServer: true,
  });
  assert.equal(refused.starts(), 1);
  refused.close();
});

test('requests that never get an answer while the server answers its probe fail after a few rounds', async () => {
  const run = setup([networkError()], () => true);
  const failed = await run.settled();
  assert.equal(failed!.status, 'error');
  assert.deepEqual(failed!.error, {
    code: 'network',
    message: 'The connection to the server was lost.',
    retryable: true,
  });
  assert.equal(run.starts(), 6, 'the first failure, then five rounds after a probe answered');
  run.close();
});
