// What a tenant, and one user of it, holds in unfinished uploads: how many, and the bytes they declared
// (the quotas of media/upload-quota.ts). Served by the partial index `uploads_pending` (0008).
import { sql, type Kysely } from 'kysely';
import { compiled } from './compiled.js';
import type { MediaDatabase } from './database.js';
import type { Schema } from './schema.js';

// checked by every creating request: compiled once (compiled.ts)
const totals = compiled((db, p: { tenantId: string; ownerId: string }) =>
  db
    .selectFrom('uploads')
    .select([
      sql<string>`count(*)`.as('count'),
      sql<string>`coalesce(sum(size), 0)`.as('bytes'),
      sql<string>`coalesce(sum(case when owner_id = ${p.ownerId} then 1 else 0 end), 0)`.as('user_count'),
      sql<string>`coalesce(sum(case when owner_id = ${p.ownerId} then size else 0 end), 0)`.as('user_bytes'),
    ])
    .where('tenant_id', '=', p.tenantId)
    .where('media_id', 'is', null),
);

export function createQuotaQueries(db: Kysely<Schema>): Pick<MediaDatabase, 'pendingUploadTotals'> {
  return {
    async pendingUploadTotals(tenantId, ownerId) {
      const row = (await totals(db, { tenantId, ownerId })).rows[0];
      if (!row) throw new Error('an aggregate without its row');
      return {
        tenant: { count: Number(row.count), bytes: Number(row.bytes) },
        user: { count: Number(row.user_count), bytes: Number(row.user_bytes) },
      };
    },
  };
}
