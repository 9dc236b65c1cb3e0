import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { compiled } from './compiled.js';
import type { Schema } from './schema.js';

async function database(): Promise<Kysely<Schema>> {
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) });
  await sql`create table uploads (id text primary key, owner_id text, "offset" integer, media_id text)`.execute(
    db,
  );
  return db;
}

describe('compiled (queries built and compiled once)', () => {
  it('builds each query once and runs it with the values of every call, constants kept', async () => {
    const db = await database();
    let builds = 0;
    const insert = compiled((k, p: { id: string; owner: string | null }) => {
      builds += 1;
      return k
        .insertInto('uploads')
        .values({ id: p.id, owner_id: p.owner, offset: 7, media_id: null } as never);
    });
    const finish = compiled((k, p: { id: string; mediaId: string }) =>
      k
        .updateTable('uploads')
        .set({ media_id: p.mediaId })
        .where('id', '=', p.id)
        .where('media_id', 'is', null),
    );
    for (const id of ['a', 'b', 'c']) await insert(db, { id, owner: id === 'b' ? null : `u-${id}` });
    assert.equal(builds, 1);
    assert.equal(Number((await finish(db, { id: 'b', mediaId: 'm1' })).numAffectedRows), 1);
    assert.equal(Number((await finish(db, { id: 'b', mediaId: 'm2' })).numAffectedRows), 0, 'done once');
    const rows = await db.selectFrom('uploads').selectAll().orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.id, r.owner_id, r.offset, r.media_id]),
      [
        ['a', 'u-a', 7, null],
        ['b', null, 7, 'm1'],
        ['c', 'u-c', 7, null],
      ],
    );
    await db.destroy();
  });

  it('runs inside a transaction, which rolls it back with the rest', async () => {
    const db = await database();
    const insert = compiled((k, p: { id: string }) =>
      k.insertInto('uploads').values({ id: p.id, owner_id: 'o', offset: 0, media_id: null } as never),
    );
    const count = compiled((k, p: { owner: string }) =>
      k
        .selectFrom('uploads')
        .select(sql<number>`count(*)`.as('n'))
        .where('owner_id', '=', p.owner),
    );
    await db.transaction().execute((trx) => insert(trx, { id: 'kept' }));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await insert(trx, { id: 'undone' });
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal(Number((await count(db, { owner: 'o' })).rows[0]?.n), 1);
    await db.destroy();
  });
});
