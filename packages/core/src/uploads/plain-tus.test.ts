// Our client on any tus server: `uploadEndpoint` at a bare @tus/server with no Mediabay REST or socket
// side (a 404 page of that server, or nothing listening) ends uploads ready after one warning; our own
// server at the same setting still processes them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import { makeFile, startMediaServer, waitFor } from '../test-support/media-server.js';
import type { ClientEventMap, MediaClient } from '../types.js';

let dir: string;
let bare: http.Server;
let origin: string;
/** the same tus server behind an app that answers every other path with its HTML page */
let spa: http.Server;
let spaOrigin: string;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mediabay-bare-tus-'));
  const tus = new Server({ path: '/files', datastore: new FileStore({ directory: dir }) });
  bare = http.createServer((req, res) => void tus.handle(req, res));
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  spa = http.createServer((req, res) => {
    if (req.url?.startsWith('/files')) return void tus.handle(req, res);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>App</title>');
  });
  await new Promise<void>((resolve) => spa.listen(0, '127.0.0.1', resolve));
  spaOrigin = `http://127.0.0.1:${(spa.address() as AddressInfo).port}`;
});
after(async () => {
  for (const server of [bare, spa]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await rm(dir, { recursive: true, force: true });
});

/** a port nothing listens on: one we had and closed */
async function deadOrigin(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function uploadAll(
  c: MediaClient,
  files: File[],
): Promise<{ missing: ClientEventMap['server-missing'][]; seen: Set<string> }> {
  const missing: ClientEventMap['server-missing'][] = [];
  const seen = new Set<string>();
  c.on('server-missing', (event) => missing.push(event));
  c.on('upload-status', ({ item }) => seen.add(item.status));
  const { accepted } = c.addFiles(files);
  await waitFor(
    () => accepted.every((item) => c.$uploads.get()[item.operationId]?.status === 'ready'),
    20_000,
    'every upload ready',
  );
  return { missing, seen };
}

/** the stored uploads (not their .json info files), by name */
async function storedFiles(): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).filter((name) => !name.endsWith('.json'));
  const bytes = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
  return new Map(names.map((name, index) => [name, bytes[index]!]));
}

for (const [label, endpointOf, tusOrigin] of [
  ['answers 404 pages', async () => `${origin}/api/media`, () => origin],
  ['is not there at all', async () => `${await deadOrigin()}/api/media`, () => origin],
  ['is an app answering every path with its page', async () => `${spaOrigin}/api/media`, () => spaOrigin],
] as const) {
  test(`a bare tus server whose REST side ${label}: uploads end ready, one warning`, async (t) => {
    const warnings: string[] = [];
    t.mock.method(console, 'warn', (...args: unknown[]) => void warnings.push(args.join(' ')));
    const c = createMediaClient({
      endpoint: await endpointOf(),
      uploadEndpoint: `${tusOrigin()}/files`,
      WebSocket,
      removeCompletedAfter: Infinity,
      pollInterval: 50,
    });
    try {
      const before = await storedFiles();
      const first = await uploadAll(c, [makeFile(3000, 'a.bin'), makeFile(5000, 'b.bin')]);
      // the client keeps working after it found out: a later upload also ends ready
      const later = await uploadAll(c, [makeFile(7000, 'c.bin')]);
      assert.equal(first.missing.length + later.missing.length, 1, 'said once');
      assert.equal(warnings.filter((w) => w.includes('No Mediabay server')).length, 1, warnings.join('\n'));
      const items = Object.values(c.$uploads.get());
      assert.deepEqual(items.map((item) => item.status).sort(), ['ready', 'ready', 'ready']);
      assert.ok(items.every((item) => item.fileId === undefined && item.error === undefined));
      const stored = [...(await storedFiles())]
        .filter(([name]) => !before.has(name))
        .map(([, bytes]) => bytes);
      assert.deepEqual(
        stored.map((bytes) => bytes.length).sort((x, y) => x - y),
        [3000, 5000, 7000],
      );
    } finally {
      c.destroy();
    }
  });
}

test('our own server at an explicit uploadEndpoint processes uploads as usual, no warning', async (t) => {
  const server = await startMediaServer();
  const warnings: string[] = [];
  t.mock.method(console, 'warn', (...args: unknown[]) => void warnings.push(args.join(' ')));
  const c = createMediaClient({
    endpoint: server.endpoint,
    uploadEndpoint: `${server.endpoint}/uploads`,
    WebSocket,
    removeCompletedAfter: Infinity,
  });
  try {
    const { missing } = await uploadAll(c, [makeFile(4000, 'mine.bin')]);
    assert.deepEqual(missing, []);
    assert.deepEqual(warnings, []);
    const [item] = Object.values(c.$uploads.get());
    assert.ok(item?.fileId, 'the server named the file it made');
    const file = await c.library.list();
    // the server's own URL, resolved against the endpoint (its signature in the query)
    const url = new URL(file.items[0]?.contentUrl ?? '');
    assert.equal(`${url.origin}${url.pathname}`, `${server.endpoint}/${item.fileId}/content`);
  } finally {
    c.destroy();
    await server.close();
  }
});

test('a bare tus server that is down when uploads start: they wait for it, then end ready', async () => {
  // the tus server's own port, closed for now; nothing at all answers at the endpoint
  const own = await deadOrigin();
  const port = Number(new URL(own).port);
  const store = await mkdtemp(path.join(os.tmpdir(), 'mediabay-bare-later-'));
  const later = http.createServer((req, res) => void tus.handle(req, res));
  const tus = new Server({ path: '/files', datastore: new FileStore({ directory: store }) });
  const c = createMediaClient({
    endpoint: `${await deadOrigin()}/api/media`,
    uploadEndpoint: `${own}/files`,
    WebSocket,
    removeCompletedAfter: Infinity,
  });
  try {
    const { accepted } = c.addFiles([makeFile(4000, 'later.bin')]);
    const id = accepted[0]!.operationId;
    await waitFor(() => c.$uploads.get()[id]?.waiting, 10_000, 'the upload waits for its server');
    await new Promise<void>((resolve) => later.listen(port, '127.0.0.1', resolve));
    await waitFor(() => c.$uploads.get()[id]?.status === 'ready', 20_000, 'ready once the server is back');
    const names = (await readdir(store)).filter((name) => !name.endsWith('.json'));
    assert.equal(names.length, 1);
  } finally {
    c.destroy();
    later.closeAllConnections();
    await new Promise<void>((resolve) => later.close(() => resolve()));
    await rm(store, { recursive: true, force: true });
  }
});
