// Brings a database (SQLite or PostgreSQL) to the latest schema; kysely's migrator takes its lock,
// so instances starting together migrate once.
import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Schema } from './schema.js';

export async function migrate(db: Kysely<Schema>): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error;
}
