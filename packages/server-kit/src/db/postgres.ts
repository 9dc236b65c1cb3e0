// PostgreSQL for instances that share one library: the same kysely queries and migrations as SQLite
// (migrations take kysely's migration lock, so instances starting together migrate once).
import { consoleLogger, type Logger } from '../logger.js';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { redact } from '../config/service-urls.js';
import type { MediaDatabase } from './database.js';
import { createKyselyDatabase } from './kysely-database.js';
import type { Schema } from './schema.js';
import { migrate } from './migrate.js';

export interface PostgresOptions {
  /** Connections per instance. Default 10. */
  poolSize?: number;
  /** Where a lost idle connection is reported. Default: the console. */
  logger?: Logger;
}

export async function createPostgresDatabase(
  url: string,
  options: PostgresOptions = {},
): Promise<MediaDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its server emits here; without a listener that would crash the process.
  pool.on('error', (error) => (options.logger ?? consoleLogger).error('postgres', error.message));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = (error as Error).message || (error as NodeJS.ErrnoException).code || 'unknown error';
    throw new Error(`Cannot reach PostgreSQL at ${redact(url)}: ${reason}`, { cause: error });
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyDatabase(db);
}
