// The trash's retention sweep (run at start, then periodically): files trashed longer ago than
// `limits.trashRetentionDays` are purged, bytes first; a file whose bytes cannot be removed stays in the
// trash with its bytes and record until a later run succeeds.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { createFileStorage } from '../storage/file-storage.js';
import type { MediaStorage } from '../storage/storage.js';
import { api, auditLog, authenticate, createFile } from '../test-support/roles.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';

const DAY = 24 * 60 * 60 * 1000;

describe('the trash retention sweep', () => {
  let dataDir: string;
  let server: TestServer | undefined;
  const removed: string[] = [];
  let failRemoves = false;

  /** Local disk storage whose removes can be made to fail (a store that is down). */
  function storage(): MediaStorage {
    const disk = createFileStorage({ directory: path.join(dataDir, 'files'), expiryMs: DAY });
    return {
      ...disk,
      async remove(key) {
        removed.push(key);
        if (failRemoves) throw Object.assign(new Error('store down'), { code: 'EIO' });
        await disk.remove(key);
      },
    };
  }
  const start = async (days?: number) => {
    server = await startTestServer({
      authenticate,
      dataDir,
      storage: storage(),
      ...(days === undefined ? {} : { limits: { trashRetentionDays: days } }),
    });
    return server;
  };
  const restart = async (days?: number) => {
    await server?.close();
    return start(days);
  };
  /** Moves a file's trash date back by `days`. */
  async function trashedDaysAgo(id: string, days: number): Promise<void> {
    const db = await openTestDatabase(dataDir);
    try {
      const at = new Date(Date.now() - days * DAY).toISOString();
      await db.updateTable('media').set({ trashed_at: at }).where('id', '=', id).execute();
    } finally {
      await db.destroy();
    }
  }
  async function storageKey(id: string): Promise<string> {
    const db = await openTestDatabase(dataDir);
    try {
      const row = await db
        .selectFrom('media')
        .select('storage_key')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.storage_key;
    } finally {
      await db.destroy();
    }
  }
  const onDisk = (key: string) =>
    fs.stat(path.join(dataDir, 'files', key)).then(
      () => true,
      () => false,
    );

  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-sweep-'));
  });
  after(async () => {
    await server?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('purges files trashed longer ago than the retention, keeps the rest, retries a failed purge', async () => {
    let s = await start();
    const old = await createFile(s, 'alice', 'old.txt');
    const recent = await createFile(s, 'alice', 'recent.txt');
    const kept = await createFile(s, 'alice', 'kept.txt');
    for (const file of [old, recent])
      assert.equal((await api(s, 'alice', 'DELETE', `/${file.id}`)).status, 204);
    await trashedDaysAgo(old.id, 31);
    await trashedDaysAgo(recent.id, 29);
    const oldKey = await storageKey(old.id);

    // the store is down: the sweep at start tries, and the file stays whole in the trash
    failRemoves = true;
    s = await restart();
    await waitFor(() => (removed.includes(oldKey) ? true : undefined));
    const stillThere = (await api(s, 'ada', 'GET', `/${old.id}`)).body as MediaFile;
    assert.ok(stillThere.trashedAt);
    assert.ok(await onDisk(oldKey));
    assert.equal((await api(s, 'ada', 'GET', `/${old.id}/content`)).body, 'hello from alice');

    failRemoves = false;
    s = await restart();
    await waitFor(async () => ((await api(s, 'ada', 'GET', `/${old.id}`)).status === 404 ? true : undefined));
    assert.equal(await onDisk(oldKey), false);
    assert.ok(((await api(s, 'ada', 'GET', `/${recent.id}`)).body as MediaFile).trashedAt);
    assert.equal(((await api(s, 'ada', 'GET', `/${kept.id}`)).body as MediaFile).trashedAt, undefined);
    const purge = (await auditLog(s)).filter((e) => e.fileId === old.id && e.action === 'file.deleted');
    assert.deepEqual(
      purge.map((e) => e.userId),
      ['system'],
    );

    // a shorter retention reaches the other one
    s = await restart(7);
    await waitFor(async () =>
      (await api(s, 'ada', 'GET', `/${recent.id}`)).status === 404 ? true : undefined,
    );
    assert.equal(((await api(s, 'ada', 'GET', `/${kept.id}`)).body as MediaFile).id, kept.id);
  });
});
