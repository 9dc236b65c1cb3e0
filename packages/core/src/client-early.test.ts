// What a client does before its engine (engine.ts, one dynamic import started at creation) is there:
// lists watched at once load with one request, library calls wait, files added at once upload, and
// `queryClient` is either the app's or readable once `ready` has resolved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryClient } from '@tanstack/query-core';
import { WebSocket } from 'ws';
import { createMediaClient } from './client.js';
import { startMediaServer, waitFor, type MediaTestServer } from './test-support/media-server.js';
import type { LibraryState, MediaClientOptions } from './types.js';

let server: MediaTestServer;
before(async () => {
  server = await startMediaServer();
});
after(() => server.close());

/** a client whose requests are counted by method and path (the list is `GET <endpoint>?...`) */
function countingClient(options: Partial<MediaClientOptions> = {}) {
  const requests: string[] = [];
  const client = createMediaClient({
    endpoint: server.endpoint,
    WebSocket,
    removeCompletedAfter: Infinity,
    resumeAfterReload: false,
    shareTabs: false,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      return fetch(input, init);
    },
    ...options,
  });
  const listGets = () => requests.filter((r) => r === `GET ${new URL(server.endpoint).pathname}`).length;
  return { client, listGets };
}

const text = (name: string) => new File([`early ${name}\n`.repeat(50)], name, { type: 'text/plain' });

test('a list watched as the client is made loads with one request, fetched beside the engine', async () => {
  const { client, listGets } = countingClient();
  try {
    const $list = client.library.watch();
    assert.equal($list.get().status, 'loading', 'a store at once, loading');
    let state: LibraryState = $list.get();
    const off = $list.subscribe((next) => (state = next));
    await waitFor(() => state.status === 'success', 5000, 'first list');
    await client.ready;
    assert.equal(listGets(), 1, 'the first page was asked for once');
    const fresh = await client.library.list();
    assert.equal(state.total, fresh.total);
    assert.equal(client.library.watch(), $list, 'the same store for the same params');
    off();
  } finally {
    client.destroy();
  }
});

test('files added and library calls made before the engine loaded are carried out when it arrives', async () => {
  const { client } = countingClient();
  try {
    const { accepted } = client.addFiles([text('early-1.txt'), text('early-2.txt')]);
    assert.deepEqual(
      accepted.map((item) => client.$uploads.get()[item.operationId]?.status),
      ['queued', 'queued'],
      'in $uploads at once',
    );
    const tags = client.library.tags();
    assert.ok(Array.isArray(await tags));
    const ready = () => accepted.every((item) => client.$uploads.get()[item.operationId]?.status === 'ready');
    await waitFor(ready, 20_000, 'both ready');
    const listed = await client.library.list();
    for (const item of accepted)
      assert.ok(listed.items.some((file) => file.id === client.$uploads.get()[item.operationId]?.fileId));
  } finally {
    client.destroy();
  }
});

test("queryClient: the app's own at once, else an Error until ready and the client's own after", async () => {
  const own = new QueryClient();
  const shared = countingClient({ queryClient: own }).client;
  assert.equal(shared.queryClient, own, 'given: readable at once');
  shared.destroy();

  const { client } = countingClient();
  try {
    assert.throws(() => client.queryClient, /await client\.ready/);
    await client.ready;
    assert.ok(client.queryClient instanceof QueryClient);
    assert.equal(client.queryClient, client.queryClient);
  } finally {
    client.destroy();
  }
});

test('destroyed before its engine loaded: no engine starts, and what waits for one is told', async () => {
  let sockets = 0;
  const Counted = class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets++;
    }
  };
  const { client } = countingClient({ WebSocket: Counted });
  const tags = client.library.tags();
  client.destroy();
  await assert.rejects(client.ready, /destroyed before its engine loaded/);
  await assert.rejects(tags, /destroyed before its engine loaded/);
  await import('./engine.js'); // the module is there: had the client started it, it would have by now
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(sockets, 0, 'no socket was opened');
  assert.deepEqual(client.$accepting.get(), { accepting: false, reason: 'destroyed' });
});
