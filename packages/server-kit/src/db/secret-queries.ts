// Queries for signed media URLs (media/signed-urls.ts): the signing secret shared by every instance
// of one database (the first to start stores its candidate, all read the stored one), and whose file
// an id is (a signed request has no caller to name its tenant).
import type { Kysely } from 'kysely';
import type { MediaDatabase } from './database.js';
import type { Schema } from './schema.js';

type SecretQueries = Pick<MediaDatabase, 'sharedSecret' | 'mediaTenant'>;

export function createSecretQueries(db: Kysely<Schema>): SecretQueries {
  return {
    async sharedSecret(name, candidate) {
      // of two instances starting at once, exactly one insert wins and both read the winner
      await db
        .insertInto('server_secrets')
        .values({ name, value: candidate, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('server_secrets')
        .select('value')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.value;
    },

    async mediaTenant(id) {
      const row = await db.selectFrom('media').select('tenant_id').where('id', '=', id).executeTakeFirst();
      return row?.tenant_id;
    },
  };
}
