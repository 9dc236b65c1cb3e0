import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cacheStatements } from './statement-cache.js';

describe('cacheStatements', () => {
  it('prepares each SQL text once and reuses it, with the right results each time', async () => {
    const cached = cacheStatements(new Sqlite(':memory:'));
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: cached }),
    });
    await sql`create table t (id integer primary key, name text)`.execute(db);
    for (let i = 1; i <= 50; i++)
      await db
        .insertInto('t')
        .values({ id: i, name: `n${i}` })
        .execute();
    const afterInserts = cached.prepared;
    for (let i = 1; i <= 50; i++) {
      const row = await db.selectFrom('t').selectAll().where('id', '=', i).executeTakeFirst();
      assert.deepEqual(row, { id: i, name: `n${i}` });
    }
    assert.equal(cached.prepared, afterInserts + 1, 'fifty selects of one shape: one prepare');
    assert.equal(afterInserts, 2, 'the create, then one insert shape');
    await db.destroy();
  });

  it('keeps at most `limit` statements, dropping the least recently used', () => {
    const cached = cacheStatements(new Sqlite(':memory:'), 2);
    const a = cached.prepare('select 1');
    cached.prepare('select 2');
    assert.equal(cached.prepare('select 1'), a, 'a hit');
    cached.prepare('select 3'); // evicts `select 2`, the least recently used
    assert.equal(cached.prepare('select 1'), a);
    const before = cached.prepared;
    cached.prepare('select 2');
    assert.equal(cached.prepared, before + 1, 'select 2 was prepared again');
    cached.close();
  });
});
