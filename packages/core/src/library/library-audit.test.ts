// library.audit and library.duplicates against the real server kit: admins page through the log newest
// first with filters;
// anyone else is refused with a 403.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import { MediaApiError } from '../http.js';
import { auditPath } from './library-audit.js';
import { startMediaServer, waitFor, type MediaTestServer } from '../test-support/media-server.js';
import type { MediaClient } from '../types.js';

const ROLES: Record<string, string[]> = { alice: ['editor'], ada: ['admin'] };
const authenticate = (req: IncomingMessage) => {
  const user = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const roles = ROLES[user];
  return roles ? { userId: user, tenantId: 't', roles } : null;
};
let server: MediaTestServer;
const clients: Record<string, MediaClient> = {};
const client = (user: string) =>
  (clients[user] ??= createMediaClient({
    endpoint: server.endpoint,
    WebSocket,
    headers: () => ({ Authorization: `Bearer ${user}` }),
    removeCompletedAfter: Infinity,
  }));

before(async () => {
  server = await startMediaServer({ authenticate });
});
after(async () => {
  for (const c of Object.values(clients)) c.destroy();
  await server.close();
});

test('builds the query string from the filters it is given', () => {
  assert.equal(auditPath(), '/audit');
  assert.equal(
    auditPath({ action: 'file.trashed', userId: '', limit: 2 }),
    '/audit?action=file.trashed&limit=2',
  );
  assert.equal(auditPath({ since: '2026-01-01T00:00:00.000Z' }), '/audit?since=2026-01-01T00%3A00%3A00.000Z');
});

test('admins page through the log by action; editors are refused', async () => {
  const alice = client('alice');
  const ids: string[] = [];
  for (const name of ['a.txt', 'b.txt']) {
    const { accepted } = alice.addFiles([new File([name], name, { type: 'text/plain' })]);
    ids.push(await waitFor(() => alice.$uploads.get()[accepted[0]!.operationId]?.fileId, 10_000, 'upload'));
  }
  await alice.library.remove(ids);
  const ada = client('ada');
  const first = await ada.library.audit({ action: 'file.trashed', userId: 'alice', limit: 1 });
  assert.equal(first.items.length, 1);
  assert.ok(first.nextCursor);
  const second = await ada.library.audit({ action: 'file.trashed', limit: 1, cursor: first.nextCursor });
  assert.deepEqual([...first.items, ...second.items].map((e) => e.fileId).sort(), [...ids].sort());
  const error = await alice.library.audit().then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof MediaApiError && error.status === 403);
});

test('finds the library files a new file duplicates: same name and size', async () => {
  const alice = client('alice');
  const { accepted } = alice.addFiles([new File(['twelve bytes'], 'dup.txt', { type: 'text/plain' })]);
  const id = await waitFor(() => alice.$uploads.get()[accepted[0]!.operationId]?.fileId, 10_000, 'upload');
  const found = await alice.library.duplicates([
    new File(['twelve bytes'], 'dup.txt'),
    new File(['other size'], 'dup.txt'),
    new File(['twelve bytes'], 'other.txt'),
  ]);
  assert.deepEqual(
    found.map((f) => f?.id),
    [id, undefined, undefined],
  );
});
