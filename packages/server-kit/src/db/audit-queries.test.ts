// The audit log and transactions against SQLite and (when the machine has it) PostgreSQL: entries
// append, filter and page newest first; a transaction's writes and entries land or vanish together.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { startPostgres, type TestPostgres } from '../test-support/postgres.test-helper.js';
import { freshPostgres, testServices } from '../test-support/services.test-helper.js';
import type { MediaDatabase, NewMedia } from './database.js';
import { createKyselyDatabase } from './kysely-database.js';
import type { Schema } from './schema.js';
import { migrate } from './migrate.js';

let n = 0;
const media = (tenantId: string): NewMedia => {
  n += 1;
  const at = new Date().toISOString();
  return {
    id: n.toString(16).padStart(32, 'a'),
    tenantId,
    ownerId: 'u',
    name: `f${n}.txt`,
    type: 'document',
    mimeType: 'text/plain',
    size: 1,
    status: 'ready',
    createdAt: at,
    updatedAt: at,
    storageKey: `media/${n}`,
    operationId: `op-${n}`,
  };
};

type Opened = { db: MediaDatabase; raw: Kysely<Schema> } | undefined;

function contract(label: string, open: () => Promise<Opened>): void {
  describe(`audit log on ${label}`, () => {
    let db: MediaDatabase | undefined;
    let raw: Kysely<Schema> | undefined;
    before(async () => {
      const opened = await open();
      db = opened?.db;
      raw = opened?.raw;
    });
    after(async () => {
      await db?.close();
    });

    it('lists entries newest first, filtered, in pages that neither skip nor repeat', async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
      for (let s = 0; s < 7; s += 1) {
        await db.appendAudit({
          tenantId: 'ta',
          userId: s % 2 ? 'odd' : 'even',
          action: s < 3 ? 'file.updated' : 'file.tagged',
          fileId: s < 5 ? 'f1' : 'f2',
          detail: { s, nested: { ok: true } },
          at: at(s),
        });
      }
      await db.appendAudit({ tenantId: 'tb', userId: 'x', action: 'file.updated', at: at(3) });

      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await db.listAudit({ tenantId: 'ta', limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((e) => e.detail?.s as number));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, [6, 5, 4, 3, 2, 1, 0]);

      const all = await db.listAudit({ tenantId: 'ta', limit: 100 });
      assert.deepEqual(all.items[0]?.detail, { s: 6, nested: { ok: true } });
      assert.equal(all.items[0]?.operationId, null);
      const pick = async (q: Partial<Parameters<MediaDatabase['listAudit']>[0]>) =>
        (await db!.listAudit({ tenantId: 'ta', limit: 100, ...q })).items.map((e) => e.detail?.s);
      assert.deepEqual(await pick({ fileId: 'f2' }), [6, 5]);
      assert.deepEqual(await pick({ userId: 'odd' }), [5, 3, 1]);
      assert.deepEqual(await pick({ action: 'file.updated' }), [2, 1, 0]);
      assert.deepEqual(await pick({ since: at(2), until: at(4) }), [3, 2]);
      assert.equal((await db.listAudit({ tenantId: 'tb', limit: 100 })).items.length, 1, 'tenants apart');

      assert.equal(await db.pruneAudit(at(5)), 6, 'retention removes the older ones of both tenants');
      assert.deepEqual(await pick({}), [6, 5]);
    });

    it('refuses to update an entry, in the database itself', async (t) => {
      if (!db || !raw) return t.skip('no PostgreSQL on this machine');
      await db.appendAudit({ tenantId: 'tu', userId: 'u', action: 'file.updated' });
      await assert.rejects(
        raw.updateTable('audit_log').set({ user_id: 'someone else' }).where('tenant_id', '=', 'tu').execute(),
        /append-only/,
      );
      assert.equal((await db.listAudit({ tenantId: 'tu', limit: 10 })).items[0]?.userId, 'u');
    });

    it('commits a change and its entry together, or neither', async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const file = await db.insertMedia(media('tc')); // with its `upload.completed` entry (0011)
      const entriesOf = async () =>
        (await db!.listAudit({ tenantId: 'tc', limit: 10 })).items.map((e) => [e.action, e.fileId]);
      assert.deepEqual(await entriesOf(), [['upload.completed', file.id]]);
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.setTags(file.id, ['gone']); // joins the outer transaction
          await tx.appendAudit({ tenantId: 'tc', userId: 'u', action: 'file.tagged', fileId: file.id });
          throw new Error('fails after both writes');
        }),
        /fails after both writes/,
      );
      assert.deepEqual((await db.getMedia('tc', file.id))?.tags, []);
      assert.deepEqual(await entriesOf(), [['upload.completed', file.id]]);

      const deleted = await db.transaction(async (tx) => {
        const rows = await tx.deleteMedia('tc', [file.id]);
        await tx.appendAudit({ tenantId: 'tc', userId: 'u', action: 'file.deleted', fileId: file.id });
        return rows;
      });
      assert.equal(deleted.length, 1);
      assert.equal(await db.getMedia('tc', file.id), undefined);
      assert.deepEqual(await entriesOf(), [
        ['file.deleted', file.id],
        ['upload.completed', file.id],
      ]);
    });

    it("reads many of a tenant's files at once, leaving out unknown and foreign ids", async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const a = await db.insertMedia(media('tm'));
      const b = await db.insertMedia(media('tm'));
      const foreign = await db.insertMedia(media('other'));
      await db.addUsage(a.id, { courseId: 'c' });
      const found = await db.getMediaMany('tm', [b.id, a.id, foreign.id, 'f'.repeat(32)]);
      assert.deepEqual(found.map((r) => r.id).sort(), [a.id, b.id].sort());
      assert.deepEqual(found.find((r) => r.id === a.id)?.usages, [{ courseId: 'c' }]);
      assert.deepEqual(await db.getMediaMany('tm', []), []);
    });

    it('says whether a usage was new', async (t) => {
      if (!db) return t.skip('no PostgreSQL on this machine');
      const file = await db.insertMedia(media('td'));
      assert.equal(await db.addUsage(file.id, { courseId: 'c1', lessonId: 'l1' }), true);
      assert.equal(await db.addUsage(file.id, { courseId: 'c1', lessonId: 'l1' }), false);
    });
  });
}

let sqliteDir: string;
contract('SQLite', async () => {
  sqliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-audit-'));
  const raw = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: new Sqlite(path.join(sqliteDir, 'db.sqlite')) }),
  });
  await migrate(raw);
  return { db: createKyselyDatabase(raw), raw };
});

let postgres: TestPostgres | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
contract('PostgreSQL', async () => {
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
  return { db: createKyselyDatabase(kysely), raw: kysely };
});

after(async () => {
  await postgres?.stop();
  await dropDatabase?.();
  if (sqliteDir) await fs.rm(sqliteDir, { recursive: true, force: true });
});
