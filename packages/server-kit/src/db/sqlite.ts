// The embedded default: SQLite in the data directory through better-sqlite3, migrated on open.
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { MediaDatabase } from './database.js';
import { createKyselyDatabase } from './kysely-database.js';
import { migrate } from './migrate.js';
import { cacheStatements } from './statement-cache.js';
import type { Schema } from './schema.js';

export async function createSqliteDatabase(file: string): Promise<MediaDatabase> {
  const sqlite = new Sqlite(file);
  // WAL lets list queries read while an upload's progress is written; foreign keys make deletes cascade.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL's own durability: a commit survives the process dying (kill -9) without an fsync each;
  // only a power loss may take the last commits back (tus' bytes are not fsynced either)
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cacheStatements(sqlite) }) });
  await migrate(db);
  return createKyselyDatabase(db);
}
