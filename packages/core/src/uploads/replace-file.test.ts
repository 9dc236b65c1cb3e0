// client.replaceFile against the real server kit: the upload carries replaceFileId, the library keeps
// one entry with the same id (no optimistic second one) and shows the new bytes once ready.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import type { LibraryState, MediaClient } from '../types.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';

let server: MediaTestServer;
let client: MediaClient;
before(async () => {
  server = await startMediaServer();
  client = createMediaClient({ endpoint: server.endpoint, WebSocket, removeCompletedAfter: Infinity });
});
after(async () => {
  client.destroy();
  await server.close();
});

test('replaceFile keeps the id and tags and shows the new bytes, with no second entry', async () => {
  const { accepted } = client.addFiles([new File(['first version'], 'notes.txt', { type: 'text/plain' })]);
  const fileId = await waitFor(
    () => client.$uploads.get()[accepted[0]!.operationId]?.fileId,
    10_000,
    'upload',
  );
  await client.library.update(fileId, { tags: ['draft'] });
  let state: LibraryState | undefined;
  const off = client.library.watch({}).subscribe((s) => (state = s));
  try {
    await waitFor(() => (state?.items.some((f) => f.id === fileId) ? true : undefined), 5000, 'listed');
    const second = 'the second, longer version';
    const replaced = client.replaceFile(fileId, new File([second], 'notes-v2.txt', { type: 'text/plain' }));
    const item = replaced.accepted[0]!;
    assert.equal(item.replaceFileId, fileId);
    assert.equal(state!.items.length, 1, 'no optimistic second entry');
    await waitFor(
      () => (client.$uploads.get()[item.operationId]?.status === 'ready' ? true : undefined),
      10_000,
      'ready',
    );
    assert.equal(client.$uploads.get()[item.operationId]?.fileId, fileId);
    await waitFor(
      () => (state?.items.find((f) => f.id === fileId)?.size === second.length ? true : undefined),
      5000,
      'new size in the list',
    );
    const file = state!.items.find((f) => f.id === fileId)!;
    assert.equal(state!.items.length, 1);
    assert.equal(file.name, 'notes.txt');
    assert.deepEqual(file.tags, ['draft']);
    const bytes = await (await fetch(new URL(file.contentUrl, server.endpoint))).text();
    assert.equal(bytes, second);
  } finally {
    off();
  }
});
