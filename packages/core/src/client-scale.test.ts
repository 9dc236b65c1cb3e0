import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { createMediaClient } from './client.js';
import { waitFor } from './test-support/media-server.js';
import type { Transport } from './transports/transport.js';

// A Transport is a public extension point (`transport: Transport`); this one moves bytes nowhere, so
// what is measured is the engine's own bookkeeping, not the network.
// The "server" answers each finished upload over a real socket, as server-kit does after processing.
let announce: (operationId: string) => void = () => {};
const instantTransport: Transport = (options, callbacks) => ({
  start() {
    setTimeout(() => {
      callbacks.onProgress(options.file.size, options.file.size);
      callbacks.onSuccess({});
      announce(options.operationId);
    }, 0);
  },
  pause: () => Promise.resolve(),
  abort: () => Promise.resolve(),
  url: null,
});

const activeTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

test('10,000 uploads come and go: one commit to add, stores and listeners back where they started', async () => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const timersBefore = activeTimers();
  const client = createMediaClient({
    endpoint: `http://127.0.0.1:${(wss.address() as AddressInfo).port}/api/media`,
    WebSocket,
    transport: instantTransport,
    concurrency: 50,
    removeCompletedAfter: 0,
    pollInterval: 60_000,
  });
  const socket = await connected;
  let fileNumber = 0;
  announce = (operationId) => {
    const id = `file${fileNumber++}`;
    const now = new Date().toISOString();
    socket.send(
      JSON.stringify({
        type: 'media-created',
        file: {
          id,
          name: id,
          type: 'document',
          mimeType: 'text/plain',
          size: 6,
          status: 'ready',
          createdAt: now,
          updatedAt: now,
          ownerId: 'u',
          tags: [],
          contentUrl: `/c/${id}`,
          usages: [],
          operationId,
        },
      }),
    );
  };
  const listenersBefore = [client.$uploads.lc, client.$batch.lc];
  let writes = 0;
  const offUploads = client.$uploads.listen(() => writes++);
  const offBatch = client.$batch.listen(() => {});
  const files = Array.from(
    { length: 10_000 },
    (_, i) => new File([`file ${i}`], `f${i}.txt`, { type: 'text/plain' }),
  );

  const started = performance.now();
  const { accepted } = client.addFiles(files);
  assert.equal(accepted.length, 10_000);
  assert.ok(writes <= 2, `adding is one commit (plus the first starts), was ${writes}`);
  assert.equal(Object.keys(client.$uploads.get()).length, 10_000);

  // every item goes ready and then leaves $uploads (removeCompletedAfter: 0)
  let readySeen = 0;
  const offReady = client.$batch.listen((batch) => (readySeen = Math.max(readySeen, batch.counts.ready)));
  await waitFor(() => fileNumber === 10_000 || undefined, 60_000, 'all uploaded');
  await waitFor(
    () => Object.keys(client.$uploads.get()).length === 0 || undefined,
    60_000,
    'all ready and gone',
  );
  const elapsed = performance.now() - started;
  offReady();
  assert.equal(client.$batch.get().total, 0);
  assert.ok(
    writes < 10_000 / 10,
    `store writes are coalesced per frame (${writes} for 10,000 uploads in ${Math.round(elapsed)} ms)`,
  );
  assert.ok(readySeen > 0, 'items were shown ready before they left');

  offUploads();
  offBatch();
  // nanostores releases a computed store's own subscriptions 1 s after its last listener leaves
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.deepEqual([client.$uploads.lc, client.$batch.lc], listenersBefore);
  client.destroy();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(
    activeTimers() <= timersBefore,
    `timers left after destroy: ${activeTimers()} (before: ${timersBefore})`,
  );
});
