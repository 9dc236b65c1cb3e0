// kysely's SQLite driver prepares every query anew; preparing costs more than running most of ours.
// This wraps a better-sqlite3 database so that each distinct SQL text is prepared once and reused
// (the driver holds its one connection under a mutex, so a statement is never run twice at once).
// The cache is bounded: the least recently used statement goes first.
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export interface CachingDatabase extends SqliteDatabase {
  /** statements prepared so far (cache misses), for tests and benchmarks */
  readonly prepared: number;
}

export function cacheStatements(db: SqliteDatabase, limit = 500): CachingDatabase {
  const statements = new Map<string, SqliteStatement>();
  let prepared = 0;
  return {
    get prepared() {
      return prepared;
    },
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // re-inserted below: the Map's order is the recency order
      } else {
        statement = db.prepare(sql);
        prepared += 1;
        if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}
