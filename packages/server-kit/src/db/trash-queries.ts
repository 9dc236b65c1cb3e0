// The trash's queries: mark files trashed or back in the library, and find those past the retention.
// Which files count as "in the library" is list-query.ts's `trashed_at is null`.
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

export interface TrashQueries {
  /**
   * Moves a tenant's files to the trash at `at` (ISO), or back to the library when `at` is null.
   * Only files not already there change; returns the ids that changed.
   */
  setTrashed(tenantId: string, ids: string[], at: string | null): Promise<string[]>;
  /** Files (any tenant) trashed before `before` (ISO), oldest first, at most `limit`. */
  listTrashedBefore(before: string, limit: number): Promise<{ id: string; tenantId: string }[]>;
}

export function createTrashQueries(db: Kysely<Schema>): TrashQueries {
  return {
    async setTrashed(tenantId, ids, at) {
      if (ids.length === 0) return [];
      // one UPDATE ... RETURNING: two concurrent trash (or restore) calls cannot both change a file
      const rows = await db
        .updateTable('media')
        .set({ trashed_at: at, updated_at: new Date().toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids)
        .where('trashed_at', at === null ? 'is not' : 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async listTrashedBefore(before, limit) {
      const rows = await db
        .selectFrom('media')
        .select(['id', 'tenant_id'])
        .where('trashed_at', 'is not', null)
        .where('trashed_at', '<', before)
        .orderBy('trashed_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
    },
  };
}
