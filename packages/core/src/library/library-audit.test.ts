// library.audit and library.duplicates against the real server kit: admins page through the log newest
// first with filters;
// anyone else is refused with a 403.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MediaApiError } from '../http.js';
import { auditPath } from './library-audit.js';
import { waitFor } from '../test-support/media-server.js';
import { serverWithRoles } from '../test-support/roles.js';

const { client } = serverWithRoles({ alice: ['editor'], ada: ['admin'] });

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
