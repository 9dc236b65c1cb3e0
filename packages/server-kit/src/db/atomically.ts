// kysely cannot nest transactions: inside one, a method's own transaction joins it.
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

export const atomically = <T>(db: Kysely<Schema>, work: (trx: Kysely<Schema>) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);
