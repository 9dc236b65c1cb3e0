import type { Socket } from 'node:net';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { ServerEvent } from '@mediabay/core/protocol';
import WebSocket from 'ws';
import { createLocalBus } from '../bus/event-bus.js';
import { makeVideo, newOperationId, openEvents, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

describe('event relay', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('sends progress, complete, created and updated (ready) for an upload, in that order', async () => {
    const { ws, events } = await openEvents(server.wsUrl);
    const operationId = newOperationId();
    const bytes = await fs.readFile(await makeVideo());
    const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, bytes, {
      name: 'clip.mp4',
      type: 'video/mp4',
      operationId,
    });
    const mine = (): ServerEvent[] =>
      events.filter(
        (e) => ('operationId' in e ? e.operationId : 'file' in e ? e.file.operationId : '') === operationId,
      );
    await waitFor(() => (mine().some((e) => e.type === 'media-updated') ? true : undefined));
    ws.close();

    const types = mine().map((e) => e.type);
    const index = (type: string): number => types.indexOf(type as ServerEvent['type']);
    assert.ok(index('media-upload-progress') >= 0, types.join());
    assert.ok(index('media-upload-progress') < index('media-upload-complete'));
    assert.ok(index('media-upload-complete') < index('media-created'));
    assert.ok(index('media-created') < index('media-updated'));

    const progress = mine().filter((e) => e.type === 'media-upload-progress');
    const last = progress[progress.length - 1];
    assert.ok(last?.type === 'media-upload-progress');
    assert.deepEqual(
      { received: last.data.bytesReceived, total: last.data.bytesTotal, progress: last.data.progress },
      { received: bytes.length, total: bytes.length, progress: 100 },
    );
    const complete = mine().find((e) => e.type === 'media-upload-complete');
    assert.ok(complete?.type === 'media-upload-complete' && complete.fileId === fileId && complete.success);
    const created = mine().find((e) => e.type === 'media-created');
    assert.ok(created?.type === 'media-created' && created.file.status === 'processing');
    const updated = mine().find((e) => e.type === 'media-updated');
    assert.ok(
      updated?.type === 'media-updated' && updated.file.status === 'ready' && updated.file.durationMs,
    );
  });

  it('throttles byte progress of a long PATCH to about ten events a second, with an ETA', async () => {
    const { ws, events } = await openEvents(server.wsUrl);
    const operationId = newOperationId();
    const bytes = randomBytes(8 * 1024 * 1024);
    const started = Date.now();
    // A slow client: 64 KiB every 10 ms, so the PATCH lasts over a second.
    await new Promise<void>((resolve, reject) => {
      void (async () => {
        const create = await fetch(`${server.url}/api/media/uploads`, {
          method: 'POST',
          headers: {
            'Tus-Resumable': '1.0.0',
            'Upload-Length': String(bytes.length),
            'Upload-Metadata': `filename ${btoa('slow.bin')},operationId ${btoa(operationId)}`,
          },
        });
        const url = new URL(create.headers.get('location') ?? '', server.url);
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (sent >= bytes.length) return controller.close();
            await new Promise((r) => setTimeout(r, 10));
            controller.enqueue(bytes.subarray(sent, sent + 64 * 1024));
            sent += 64 * 1024;
          },
        });
        const res = await fetch(url, {
          method: 'PATCH',
          headers: {
            'Tus-Resumable': '1.0.0',
            'Upload-Offset': '0',
            'Content-Type': 'application/offset+octet-stream',
          },
          body,
          duplex: 'half',
        } as RequestInit);
        if (res.status !== 204) throw new Error(`PATCH answered ${res.status}`);
        resolve();
      })().catch(reject);
    });
    const seconds = (Date.now() - started) / 1000;
    await waitFor(() => (events.some((e) => e.type === 'media-created') ? true : undefined));
    ws.close();
    const progress = events.filter(
      (e): e is Extract<ServerEvent, { type: 'media-upload-progress' }> =>
        e.type === 'media-upload-progress' && e.operationId === operationId,
    );
    assert.ok(seconds > 1, `upload took ${seconds}s`);
    assert.ok(progress.length >= 5, `only ${progress.length} progress events`);
    assert.ok(progress.length <= seconds * 12 + 2, `${progress.length} events in ${seconds}s`);
    const received = progress.map((e) => e.data.bytesReceived);
    assert.deepEqual(
      received,
      [...received].sort((a, b) => a - b),
      'monotonic',
    );
    assert.ok(
      progress.slice(0, -1).some((e) => typeof e.data.timeRemaining === 'number' && e.data.timeRemaining > 0),
    );
  });

  it('refuses a socket when authenticate says no', async () => {
    const closed = await startTestServer({ authenticate: () => null });
    try {
      await assert.rejects(openEvents(closed.wsUrl), /401/);
    } finally {
      await closed.close();
    }
  });
});

describe('socket safety', () => {
  let server: TestServer;
  const bus = createLocalBus();
  before(async () => {
    // the default heartbeat (30 s): the slow client below must not be dropped for pongs stuck behind
    // megabytes of events it has yet to read (the pings test has its own quick-pinging server)
    server = await startTestServer({ bus, allowedOrigins: ['https://lms.example'] });
  });
  after(() => server.close());

  it('refuses an upgrade from another site and accepts its own and allowed origins', async () => {
    await assert.rejects(openEvents(server.wsUrl, { Origin: 'https://evil.example' }), /403/);
    const own = await openEvents(server.wsUrl, { Origin: server.url });
    const allowed = await openEvents(server.wsUrl, { Origin: 'https://lms.example' });
    own.ws.close();
    allowed.ws.close();
  });

  it('closes a socket that sends a huge frame', async () => {
    const { ws } = await openEvents(server.wsUrl);
    const code = await new Promise<number>((resolve) => {
      ws.on('close', (c) => resolve(c));
      ws.send('x'.repeat(64 * 1024));
    });
    assert.equal(code, 1009);
  });

  it('drops a client that stops answering pings', async () => {
    const pinging = await startTestServer({ socket: { heartbeatMs: 100 } });
    try {
      const ws = new WebSocket(pinging.wsUrl, { autoPong: false });
      await new Promise((resolve) => ws.once('open', resolve));
      const started = Date.now();
      await new Promise((resolve) => ws.once('close', resolve));
      assert.ok(Date.now() - started < 2000);
    } finally {
      await pinging.close();
    }
  });

  it('coalesces progress for a slow client but delivers every lifecycle event in order', async () => {
    const ws = new WebSocket(server.wsUrl);
    const received: ServerEvent[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as ServerEvent));
    await new Promise((resolve) => ws.once('open', resolve));
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.pause(); // a client that stops reading
    const operationId = newOperationId();
    const padding = 'x'.repeat(1000);
    const total = 20_000;
    for (let i = 1; i <= total; i++) {
      // padded so that the socket really backs up (loopback kernel buffers hold several MB)
      bus.publish('default', {
        type: 'media-upload-progress',
        operationId,
        data: { progress: (i / total) * 100, bytesReceived: i, bytesTotal: total },
        padding,
      } as ServerEvent);
      if (i % 1000 === 0)
        bus.publish('default', { type: 'media-deleted', fileIds: [`${i}`.padStart(32, '0')] });
    }
    bus.publish('default', {
      type: 'media-upload-complete',
      operationId,
      fileId: '0'.repeat(32),
      success: true,
    });
    socket.resume();
    await waitFor(() => {
      if (ws.readyState === WebSocket.CLOSED) throw new Error('the server dropped the slow client');
      return received.some((e) => e.type === 'media-upload-complete') ? true : undefined;
    }, 20_000);
    ws.close();

    const progress = received.filter((e) => e.type === 'media-upload-progress');
    const deleted = received.filter((e) => e.type === 'media-deleted');
    assert.equal(deleted.length, total / 1000, 'no lifecycle event dropped');
    assert.ok(progress.length < total / 2, `progress was coalesced (${progress.length} of ${total})`);
    const last = progress[progress.length - 1];
    assert.ok(
      last?.type === 'media-upload-progress' && last.data.bytesReceived === total,
      'the latest progress arrives',
    );
    const seen = progress.map((e) => (e.type === 'media-upload-progress' ? e.data.bytesReceived : 0));
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
      'progress never goes back',
    );
    assert.equal(
      received[received.length - 1]?.type,
      'media-upload-complete',
      'completion comes after its progress',
    );
  });
});

describe('fan-out', () => {
  let server: TestServer;
  const bus = createLocalBus();
  before(async () => {
    server = await startTestServer({ bus });
  });
  after(() => server.close());

  it('sends one event to every socket of the tenant as the same text frame (a browser gets a string)', async () => {
    const sockets = await Promise.all(
      [1, 2, 3].map(async () => {
        const ws = new WebSocket(server.wsUrl);
        const frames: { text: string; isBinary: boolean }[] = [];
        ws.on('message', (data, isBinary) => frames.push({ text: String(data), isBinary }));
        await new Promise((resolve) => ws.once('open', resolve));
        return { ws, frames };
      }),
    );
    const event: ServerEvent = { type: 'media-deleted', fileIds: ['f'.repeat(32)] };
    bus.publish('default', event);
    await waitFor(() => (sockets.every((s) => s.frames.length > 0) ? true : undefined));
    for (const { ws, frames } of sockets) {
      assert.deepEqual(frames, [{ text: JSON.stringify(event), isBinary: false }]);
      ws.close();
    }
  });
});
