// The MediaDatabase contract, run against SQLite and (when the machine has it) PostgreSQL, so the
// kysely queries stay portable.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { startPostgres, type TestPostgres } from '../test-support/postgres.test-helper.js';
import { freshPostgres, testServices } from '../test-support/services.test-helper.js';
import type { MediaDatabase, NewMedia } from './database.js';
import { createKyselyDatabase } from './kysely-database.js';
import { migrationProvider } from './migrations.js';
import type { Schema } from './schema.js';
import { migrate } from './migrate.js';
import { createSqliteDatabase } from './sqlite.js';
import { OperationTaken } from './upload-triggers.js';

const T = 'tenant-1';
let n = 0;
const media = (name: string, extra: Partial<NewMedia> = {}): NewMedia => {
  n += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
  return {
    id: n.toString(16).padStart(32, '0'),
    tenantId: T,
    ownerId: 'u',
    name,
    type: 'document',
    mimeType: 'text/plain',
    size: n * 10,
    status: 'ready',
    createdAt: at,
    updatedAt: at,
    storageKey: `media/${n}`,
    operationId: `op-${n}`,
    ...extra,
  };
};

function contract(label: string, open: () => Promise<MediaDatabase | undefined>): void {
  describe(`MediaDatabase on ${label}`, () => {
    let db: MediaDatabase | undefined;
    before(async () => {
      db = await open();
    });
    after(() => db?.close());

    it('inserts, reads, updates and lists with filters, sorting and stable cursors', async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const a = await db.insertMedia(media('Alpha 50%.txt'));
      const b = await db.insertMedia(media('beta.mp4', { type: 'video', mimeType: 'video/mp4' }));
      const c = await db.insertMedia(media('Gamma.txt'));
      await db.insertMedia(media('other tenant.txt', { tenantId: 'tenant-2' }));
      await db.setTags(a.id, ['intro', 'week 1']);
      await db.setTags(c.id, ['intro']);
      await db.addUsage(b.id, { courseId: 'c1', lessonId: 'l1' });
      await db.addUsage(b.id, { courseId: 'c1', lessonId: 'l1' });

      assert.deepEqual((await db.getMedia(T, a.id))?.tags, ['intro', 'week 1']);
      assert.deepEqual((await db.getMedia(T, b.id))?.usages, [{ courseId: 'c1', lessonId: 'l1' }]);
      assert.equal(await db.getMedia('tenant-2', a.id), undefined);

      const names = async (q: Partial<Parameters<MediaDatabase['listMedia']>[0]>) =>
        (await db!.listMedia({ tenantId: T, sort: 'name', order: 'asc', limit: 10, ...q })).items.map(
          (m) => m.name,
        );
      assert.deepEqual(await names({}), ['Alpha 50%.txt', 'beta.mp4', 'Gamma.txt']);
      assert.deepEqual(await names({ q: '50%' }), ['Alpha 50%.txt']);
      assert.deepEqual(await names({ q: '_' }), []);
      assert.deepEqual(await names({ type: 'video' }), ['beta.mp4']);
      assert.deepEqual(await names({ tag: 'intro' }), ['Alpha 50%.txt', 'Gamma.txt']);
      assert.deepEqual(await names({ courseId: 'c1' }), ['beta.mp4']);
      assert.deepEqual(await names({ sort: 'size', order: 'desc' }), [
        'Gamma.txt',
        'beta.mp4',
        'Alpha 50%.txt',
      ]);

      const first = await db.listMedia({ tenantId: T, sort: 'createdAt', order: 'desc', limit: 2 });
      assert.equal(first.total, 3);
      assert.ok(first.nextCursor);
      await db.insertMedia(media('newest.txt'));
      const second = await db.listMedia({
        tenantId: T,
        sort: 'createdAt',
        order: 'desc',
        limit: 2,
        cursor: first.nextCursor,
      });
      assert.deepEqual(
        second.items.map((m) => m.name),
        ['Alpha 50%.txt'],
      );

      const renamed = await db.updateMedia(a.id, {
        name: 'Renamed',
        status: 'error',
        error: 'x',
        durationMs: 1234,
      });
      assert.deepEqual(
        [renamed?.name, renamed?.status, renamed?.error, renamed?.durationMs],
        ['Renamed', 'error', 'x', 1234],
      );
      assert.deepEqual(await db.listTags(T), [
        { name: 'intro', count: 2 },
        { name: 'week 1', count: 1 },
      ]);
      assert.equal(await db.countMedia(T), 4);
    });

    it("counts a tenant's files in processing (its backlog in the fair job queue)", async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const before = await db.countProcessing(T);
      const job = await db.insertMedia(media('job.mp4', { status: 'processing' }));
      await db.insertMedia(media('other.mp4', { status: 'processing', tenantId: 'someone-else' }));
      assert.equal(await db.countProcessing(T), before + 1);
      await db.updateMedia(job.id, { status: 'ready' });
      assert.equal(await db.countProcessing(T), before);
    });

    it('lets one file claim an operation, concurrent claims included, until that file is deleted', async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      // a new file claims its operation (0011): of concurrent inserts under one operation, one wins
      const inserts = await Promise.allSettled(
        ['a', 'b', 'c'].map((name) => db!.insertMedia(media(`${name}.txt`, { operationId: 'op-claim' }))),
      );
      const won = inserts.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      assert.equal(won.length, 1, 'exactly one file of the operation');
      for (const r of inserts)
        if (r.status === 'rejected') assert.ok(r.reason instanceof OperationTaken, String(r.reason));
      const a = won[0]!;
      assert.equal((await db.getMediaByOperation(T, 'op-claim'))?.id, a.id);
      const c = await db.insertMedia(media('c.txt', { operationId: 'op-claim', tenantId: 'tenant-2' }));
      assert.equal((await db.getMediaByOperation('tenant-2', 'op-claim'))?.id, c.id, 'per tenant');
      const b = await db.insertMedia(media('b.txt', { operationId: 'op-b' }));
      assert.equal(await db.claimOperation(T, 'op-claim', b.id), false, 'held by a');

      const racers = await Promise.all(
        [b, c].map((m) => db!.transaction((tx) => tx.claimOperation(T, 'op-race', m.id))),
      );
      assert.deepEqual(racers.sort(), [false, true], 'exactly one of two concurrent claims wins');

      await db.deleteMedia(T, [a.id]);
      assert.equal(await db.getMediaByOperation(T, 'op-claim'), undefined);
      assert.equal(await db.claimOperation(T, 'op-claim', b.id), true, 'freed by the delete');
    });

    it("deletes a tenant's files with their tags and usages, and tracks uploads", async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const x = await db.insertMedia(media('x.txt', { status: 'processing' }));
      await db.setTags(x.id, ['gone']);
      assert.ok((await db.listProcessing()).some((m) => m.id === x.id));
      assert.deepEqual(await db.deleteMedia('tenant-2', [x.id]), []);
      assert.deepEqual(
        (await db.deleteMedia(T, [x.id])).map((m) => m.id),
        [x.id],
      );
      assert.ok(!(await db.listTags(T)).some((tag) => tag.name === 'gone'));

      const createdAt = new Date().toISOString();
      await db.insertUpload({
        id: 'f'.repeat(32),
        tenantId: T,
        ownerId: 'u',
        operationId: 'op-up',
        name: 'u.bin',
        mimeType: 'application/octet-stream',
        size: 5_000_000_000,
        offset: 0,
        createdAt,
        mediaId: null,
      });
      await db.setUploadOffset('f'.repeat(32), 4_000_000_000);
      const up = await db.getUploadByOperation(T, 'op-up');
      assert.deepEqual(
        [up?.size, up?.offset],
        [5_000_000_000, 4_000_000_000],
        'sizes beyond 32 bits survive',
      );
      assert.equal((await db.listStaleUploads(new Date(Date.now() + 1000).toISOString())).length, 1);
      assert.equal(await db.setUploadMedia('f'.repeat(32), x.id), true);
      assert.equal(await db.setUploadMedia('f'.repeat(32), 'e'.repeat(32)), false, 'finished once');
      assert.equal((await db.getUpload('f'.repeat(32)))?.mediaId, x.id);
      assert.equal((await db.listStaleUploads(new Date(Date.now() + 1000).toISOString())).length, 0);
      await db.deleteUploadsOfMedia(x.id);
      assert.equal(await db.getUpload('f'.repeat(32)), undefined);
    });

    it('reads the files and newest uploads of many operations at once, per tenant', async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const a = await db.insertMedia(media('a.txt', { operationId: 'op-many-a', status: 'error' }));
      await db.updateMedia(a.id, { error: 'broken' });
      await db.setTags(a.id, ['kept']);
      await db.insertMedia(media('b.txt', { operationId: 'op-many-b', tenantId: 'tenant-2' }));
      const r = await db.insertMedia(media('r.txt', { operationId: 'op-many-first' }));
      assert.equal(
        await db.claimOperation(T, 'op-many-r', r.id),
        true,
        'a replace claims a second operation',
      );
      const upload = (id: string, operationId: string, at: number, offset: number, tenantId = T) =>
        db!.insertUpload({
          id: id.repeat(32),
          tenantId,
          ownerId: 'u',
          operationId,
          name: 'u.bin',
          mimeType: 'application/octet-stream',
          size: id === '8' ? null : 1000,
          offset,
          createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, at)).toISOString(),
          mediaId: null,
        });
      await upload('1', 'op-many-u', 1, 100);
      await upload('3', 'op-many-u', 3, 300); // the newest, between two older ones
      await upload('2', 'op-many-u', 2, 200);
      await upload('4', 'op-many-v', 4, 400, 'tenant-2');
      await upload('8', 'op-many-d', 5, 0); // a deferred length

      const unknown = Array.from({ length: 94 }, (_, i) => `op-many-none-${i}`);
      const ids = ['op-many-a', 'op-many-b', 'op-many-r', 'op-many-u', 'op-many-v', 'op-many-d', ...unknown];
      const files = await db.getMediaRowsByOperation(T, ids);
      assert.deepEqual([...files].map(([op, file]) => [op, file.id, file.status, file.error]).sort(), [
        ['op-many-a', a.id, 'error', 'broken'],
        ['op-many-r', r.id, 'ready', null],
      ]);
      assert.deepEqual(files.get('op-many-a')?.tags, [], 'rows alone');
      assert.deepEqual(
        (await db.getMediaByOperation(T, 'op-many-a'))?.tags,
        ['kept'],
        'the single read hydrates',
      );
      assert.equal((await db.getMediaByOperation(T, 'op-many-r'))?.id, r.id);
      assert.equal((await db.getMediaRowsByOperation('tenant-2', ids)).get('op-many-b')?.name, 'b.txt');

      const uploads = await db.getUploadsByOperation(T, ids);
      assert.deepEqual([...uploads].map(([op, u]) => [op, u.id, u.offset, u.size]).sort(), [
        ['op-many-d', '8'.repeat(32), 0, null],
        ['op-many-u', '3'.repeat(32), 300, 1000],
      ]);
      assert.equal(
        (await db.getUploadByOperation(T, 'op-many-u'))?.offset,
        300,
        'the newest, one at a time too',
      );
      assert.equal(await db.getUploadByOperation(T, 'op-many-v'), undefined, "another tenant's");
      assert.equal((await db.getUploadsByOperation('tenant-2', ids)).get('op-many-v')?.offset, 400);
      assert.equal((await db.getMediaRowsByOperation(T, [])).size, 0);
      assert.equal((await db.getUploadsByOperation(T, [])).size, 0);
    });
  });
}

let sqliteDir: string;
contract('SQLite', async () => {
  sqliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-db-'));
  return createSqliteDatabase(path.join(sqliteDir, 'db.sqlite'));
});

let postgres: TestPostgres | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
contract('PostgreSQL', async () => {
  // the services' PostgreSQL when scripts/services runs, else a throwaway cluster of our own
  let connectionString: string;
  if (testServices.postgres) {
    const fresh = await freshPostgres();
    dropDatabase = fresh.drop;
    connectionString = fresh.url;
  } else {
    postgres = await startPostgres();
    if (!postgres) return undefined;
    connectionString = postgres.connectionString;
  }
  const kysely = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 4 }) }),
  });
  await migrate(kysely);
  return createKyselyDatabase(kysely);
});

after(async () => {
  await postgres?.stop();
  await dropDatabase?.();
  if (sqliteDir) await fs.rm(sqliteDir, { recursive: true, force: true });
});

describe('migration 0005 (one file per operation)', () => {
  it('gives each operation of an older library to the oldest of its files', async () => {
    const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) });
    try {
      const migrator = new Migrator({ db: kysely, provider: migrationProvider });
      assert.equal((await migrator.migrateTo('0004_audit_log_append_only')).error, undefined);
      const row = (id: string, operationId: string, tenantId = T) => ({
        id,
        tenant_id: tenantId,
        owner_id: 'u',
        name: id,
        name_key: id,
        type: 'document',
        mime_type: 'text/plain',
        size: 1,
        status: 'ready',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        storage_key: `media/${id}`,
        operation_id: operationId,
      });
      // two files of one operation, as the duplicate-upload defect could leave them
      await kysely
        .insertInto('media')
        .values([row('first', 'op-1'), row('second', 'op-1'), row('other', 'op-2'), row('t2', 'op-1', 't2')])
        .execute();
      await migrate(kysely);
      const claims = await kysely
        .selectFrom('media_operations')
        .select(['tenant_id', 'operation_id', 'media_id'])
        .orderBy('media_id')
        .execute();
      assert.deepEqual(
        claims.map((c) => [c.tenant_id, c.operation_id, c.media_id]),
        [
          [T, 'op-1', 'first'],
          [T, 'op-2', 'other'],
          ['t2', 'op-1', 't2'],
        ],
      );
    } finally {
      await kysely.destroy();
    }
  });
});
