// Which storage keys the library's files use, for the start-up sweep of orphaned bytes
// (storage/partial-files.ts): one query, not one per file on disk.
import type { Kysely } from 'kysely';
import type { MediaDatabase } from './database.js';
import type { Schema } from './schema.js';

export function createStorageKeyQueries(db: Kysely<Schema>): Pick<MediaDatabase, 'mediaStorageKeys'> {
  return {
    async mediaStorageKeys(prefix) {
      const rows = await db
        .selectFrom('media')
        .select('storage_key')
        .where('storage_key', 'like', `${prefix}%`) // `_` or `%` in a prefix only widen the match
        .execute();
      return rows.map((row) => row.storage_key).filter((key) => key.startsWith(prefix));
    },
  };
}
