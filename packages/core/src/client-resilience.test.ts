import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { createMediaClient } from './client.js';
import { makeFile, startMediaServer, waitFor } from './test-support/media-server.js';
import { startThrottleProxy } from './test-support/throttle-proxy.js';

const sha = async (blob: Blob) =>
  createHash('sha256')
    .update(Buffer.from(await blob.arrayBuffer()))
    .digest('hex');

test('the server restarts mid-upload: the client retries with backoff and finishes from the offset', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-restart-'));
  let server = await startMediaServer({ dataDir });
  const port = server.port;
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port }, 4 * 1024 * 1024);
  const client = createMediaClient({
    endpoint: `${proxy.url}/api/media`,
    WebSocket,
    removeCompletedAfter: Infinity,
  });
  try {
    const file = makeFile(16 * 1024 * 1024, 'restart.bin');
    const [item] = client.addFiles([file]).accepted;
    const id = item!.operationId;
    await waitFor(
      () => (client.$uploads.get()[id]?.bytesUploaded ?? 0) > 2 * 1024 * 1024,
      10_000,
      'progress',
    );
    // the server goes away with the upload in flight (its sockets die with it)
    proxy.dropConnections();
    // let server-kit finish handling the aborted PATCH first: closing its database under a live
    // handler raises "driver has already been destroyed" inside server-kit (reported to the lead)
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(
      client.$uploads.get()[id]?.status,
      'uploading',
      'a retryable failure is not shown as an error',
    );
    server = await startMediaServer({ dataDir, port });
    const done = await waitFor(
      () => {
        const current = client.$uploads.get()[id];
        return current?.status === 'ready' || current?.status === 'error' ? current : undefined;
      },
      40_000,
      'finished after the restart',
    );
    assert.equal(done.status, 'ready', JSON.stringify(done.error));
    const response = await fetch(`${server.endpoint}/${done.fileId}/content`);
    assert.equal(await sha(await response.blob()), await sha(file));
  } finally {
    client.destroy();
    await proxy.close();
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test('polls operations only while the socket is down', async () => {
  const server = await startMediaServer();
  const proxy = await startThrottleProxy({ host: '127.0.0.1', port: server.port }, 2 * 1024 * 1024);
  let polls = 0;
  const client = createMediaClient({
    endpoint: `${proxy.url}/api/media`,
    WebSocket,
    pollInterval: 50,
    removeCompletedAfter: Infinity,
    fetch: (input, init) => {
      if (String(input).includes('/operations')) polls++;
      return fetch(input, init);
    },
  });
  const states: boolean[] = [];
  client.on('socket-state', (event) => states.push(event.connected));
  try {
    await waitFor(() => states.at(-1) === true || undefined, 5000, 'socket up');
    const [item] = client.addFiles([makeFile(12 * 1024 * 1024, 'poll.bin')]).accepted;
    await waitFor(() => (client.$uploads.get()[item!.operationId]?.bytesUploaded ?? 0) > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(polls, 0, 'no polling while the socket is up');

    proxy.dropConnections();
    await waitFor(() => polls > 0 || undefined, 5000, 'polling while the socket is down');
    await waitFor(() => states.at(-1) === true || undefined, 10_000, 'socket back');
    const settled = polls;
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(polls <= settled + 1, `polling stops when the socket is back (${settled} -> ${polls})`);
    await waitFor(
      () => client.$uploads.get()[item!.operationId]?.status === 'ready' || undefined,
      30_000,
      'ready',
    );
  } finally {
    client.destroy();
    await proxy.close();
    await server.close();
  }
});
