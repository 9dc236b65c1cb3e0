import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import { createOperationId } from '../uploads/operation-id.js';
import { startMediaServer, waitFor } from '../test-support/media-server.js';

// Live updates degrade visibly: while the socket cannot connect, $live says 'polling' and the lists
// in view are refetched on an interval, so another user's upload and delete still show; when the
// socket connects again, $live says 'live'.
let socketAllowed = false;
class GatedSocket extends WebSocket {
  constructor(url: string, protocols?: string[], options?: object) {
    if (!socketAllowed) throw new Error('blocked by a proxy');
    super(url, protocols, options);
  }
}

test('while the socket is down the watched list is refetched, and $live follows the socket', async () => {
  const server = await startMediaServer();
  const client = createMediaClient({
    endpoint: server.endpoint,
    WebSocket: GatedSocket,
    pollInterval: 400,
    shareTabs: false,
    resumeAfterReload: false,
  });
  const states: string[] = [];
  const offLive = client.$live.subscribe((state) => states.push(state));
  const $list = client.library.watch({});
  const offList = $list.listen(() => {});
  try {
    await waitFor(() => $list.get().status === 'success' || undefined, 10_000, 'the list');
    await waitFor(() => client.$live.get() === 'polling' || undefined, 10_000, 'polling');

    // another user uploads (a multipart POST of their own), then deletes
    const form = new FormData();
    form.append('operationId', createOperationId());
    form.append('file', new File(['from someone else'], 'elsewhere.txt', { type: 'text/plain' }));
    const made = await fetch(`${server.endpoint}/upload`, { method: 'POST', body: form });
    assert.ok(made.ok, `upload: ${made.status}`);
    const { fileId } = (await made.json()) as { fileId: string };
    await waitFor(
      () => $list.get().items.some((file) => file.id === fileId) || undefined,
      10_000,
      "the other user's file in the list",
    );
    const removed = await fetch(`${server.endpoint}/${fileId}`, { method: 'DELETE' });
    assert.ok(removed.ok, `delete: ${removed.status}`);
    await waitFor(
      () => !$list.get().items.some((file) => file.id === fileId) || undefined,
      10_000,
      "the other user's delete",
    );

    socketAllowed = true;
    await waitFor(() => client.$live.get() === 'live' || undefined, 15_000, 'live again');
    assert.deepEqual(states, ['connecting', 'polling', 'live']);
  } finally {
    offList();
    offLive();
    client.destroy();
    await server.close();
  }
});
