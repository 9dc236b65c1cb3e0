// The clients of optional services load when a server is configured to use them (dynamic import):
// a server on disk and SQLite never loads the S3 SDK, pg or the Redis client, and one on PostgreSQL
// never loads better-sqlite3. A heavier process also pays in GC time on every upload (issue 21).
import type { Logger } from '../logger.js';
import type { MediaDatabase } from '../db/database.js';
import type { PostgresOptions } from '../db/postgres.js';
import type { RedisConnection } from '../redis/connect.js';
import type { S3StorageOptions } from '../storage/s3-storage.js';
import type { MediaStorage } from '../storage/storage.js';

/** SQLite in `file` through better-sqlite3, migrated on open. */
export async function createSqliteDatabase(file: string): Promise<MediaDatabase> {
  return (await import('../db/sqlite.js')).createSqliteDatabase(file);
}

/** PostgreSQL at `url` (a pool per instance), migrated on open. */
export async function createPostgresDatabase(url: string, options?: PostgresOptions): Promise<MediaDatabase> {
  return (await import('../db/postgres.js')).createPostgresDatabase(url, options);
}

/** An S3 bucket through @tus/s3-store and the AWS SDK. */
export async function createS3Storage(options: S3StorageOptions): Promise<MediaStorage> {
  return (await import('../storage/s3-storage.js')).createS3Storage(options);
}

/** A command and a subscriber connection to Redis; the first connection must succeed. */
export async function connectRedis(url: string, logger?: Logger): Promise<RedisConnection> {
  return (await import('../redis/connect.js')).connectRedis(url, logger);
}
