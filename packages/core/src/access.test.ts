// Roles as the client sees them, against the real server kit: `$me` and the questions elements ask
// of it, a delete refused because the file is in use (with its usages, cache rolled back), forced
// deletes, and bulk tagging with rollback on a refusal.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { createMediaClient } from './client.js';
import { MediaApiError } from './http.js';
import { mayDelete, mayRename, mayTag, permits, type MeState } from './me.js';
import type { ListResponse, MediaFile } from './protocol.js';
import { startMediaServer, waitFor, type MediaTestServer } from './test-support/media-server.js';
import type { MediaClient } from './types.js';

const ROLES: Record<string, string[]> = {
  vic: ['viewer'],
  alice: ['editor'],
  erin: ['editor'],
  ada: ['admin'],
};
const authenticate = (req: IncomingMessage) => {
  const user = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const roles = ROLES[user];
  return roles ? { userId: user, tenantId: 't', roles } : null;
};

let server: MediaTestServer;
const clients: Record<string, MediaClient> = {};
const files: Record<string, MediaFile> = {};

const client = (user: string) =>
  (clients[user] ??= createMediaClient({
    endpoint: server.endpoint,
    WebSocket,
    headers: () => ({ Authorization: `Bearer ${user}` }),
    removeCompletedAfter: Infinity,
  }));

async function upload(user: string, name: string): Promise<MediaFile> {
  const c = client(user);
  const { accepted } = c.addFiles([new File([`${name} by ${user}`], name, { type: 'text/plain' })]);
  const fileId = await waitFor(() => c.$uploads.get()[accepted[0]!.operationId]?.fileId, 10_000, 'upload');
  const file = (await c.library.list({})).items.find((f) => f.id === fileId);
  assert.ok(file, `${name} is listed`);
  return file;
}

async function meOf(user: string): Promise<MeState> {
  const $me = client(user).$me;
  const off = $me.listen(() => {});
  try {
    return await waitFor(() => ($me.get().status === 'loading' ? undefined : $me.get()), 5000, '/me');
  } finally {
    off();
  }
}

before(async () => {
  server = await startMediaServer({ authenticate });
  files.a = await upload('alice', 'a.txt');
  files.e = await upload('erin', 'e.txt');
});
after(async () => {
  for (const c of Object.values(clients)) c.destroy();
  await server.close();
});

test('$me says who the client is; elements can ask what to offer per file', async () => {
  const vic = await meOf('vic');
  assert.equal(vic.status, 'ready');
  assert.equal(vic.me?.userId, 'vic');
  assert.equal(permits(vic, 'upload'), false);
  assert.equal(permits(vic, 'read'), true);
  assert.equal(mayDelete(vic, files.a!), false);

  const alice = await meOf('alice');
  assert.equal(permits(alice, 'upload'), true);
  assert.deepEqual(
    [mayDelete(alice, files.a!), mayTag(alice, files.a!), mayRename(alice, files.a!)],
    [true, true, true],
  );
  assert.deepEqual(
    [mayDelete(alice, files.e!), mayTag(alice, files.e!), mayRename(alice, files.e!)],
    [false, false, false],
  );
  const ada = await meOf('ada');
  assert.equal(mayDelete(ada, files.e!), true);
  assert.equal(permits(ada, 'forceDelete'), true);
});

test('unknown permissions (no /me) offer everything, loading offers nothing', () => {
  const unknown: MeState = { status: 'error', me: null, error: 'not found' };
  assert.equal(permits(unknown, 'upload'), true);
  assert.equal(mayDelete(unknown, files.e!), true);
  assert.equal(permits({ status: 'loading', me: null }, 'upload'), false);
});

test('a file in use is not deleted: the error carries its usages and the cache rolls back', async () => {
  const alice = client('alice');
  const used = await upload('alice', 'used.txt');
  await fetch(`${server.endpoint}/${used.id}/usages`, {
    method: 'PUT',
    headers: { Authorization: 'Bearer alice', 'Content-Type': 'application/json' },
    body: JSON.stringify({ courseId: 'c1', lessonId: 'l1' }),
  });
  const off = alice.library.watch().listen(() => {});
  try {
    await waitFor(
      () =>
        alice.library
          .watch()
          .get()
          .items.some((f) => f.id === used.id) || undefined,
      5000,
      'listed',
    );
    const error = await alice.library.remove([used.id]).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof MediaApiError);
    assert.equal(error.status, 409);
    assert.equal(error.code, 'file-in-use');
    assert.deepEqual(error.details.usages, [{ courseId: 'c1', lessonId: 'l1' }]);
    assert.ok(
      alice.library
        .watch()
        .get()
        .items.some((f) => f.id === used.id),
      'rolled back',
    );

    await assert.rejects(
      alice.library.remove([used.id], { force: true }),
      (e: MediaApiError) => e.code === 'forbidden',
    );
    await client('ada').library.remove([used.id], { force: true });
    await waitFor(
      () =>
        !alice.library
          .watch()
          .get()
          .items.some((f) => f.id === used.id) || undefined,
      5000,
      'gone',
    );
  } finally {
    off();
  }
});

test('bulkTag tags a selection; a refused selection rolls back and names the refused ids', async () => {
  const alice = client('alice');
  const mine = await upload('alice', 'mine.txt');
  const changed = await alice.library.bulkTag([files.a!.id, mine.id], { add: [' Week 1 '] });
  assert.deepEqual(
    changed.map((f) => f.tags),
    [['week 1'], ['week 1']],
  );
  await alice.library.list({});
  const error = await alice.library.bulkTag([mine.id, files.e!.id], { add: ['x'] }).then(
    () => undefined,
    (e: unknown) => e as MediaApiError,
  );
  assert.equal(error?.code, 'forbidden');
  assert.deepEqual(error?.details.fileIds, [files.e!.id]);
  const cached = alice.queryClient.getQueryData<ListResponse>(['media-files', {}]);
  assert.deepEqual(cached?.items.find((f) => f.id === mine.id)?.tags, ['week 1'], 'rolled back');
});
