// Reading the library: one file, many, by operation, lists, counts and tags (kysely, portable SQL).
import type { Kysely } from 'kysely';
import type { MediaDatabase } from './database.js';
import { inList } from './in-list.js';
import { listMedia } from './list-query.js';
import type { Hydrate } from './media-hydrate.js';
import { toRecord } from './rows.js';
import type { Schema } from './schema.js';

/** The rows of the files that claimed `operationIds` (claimOperation), each with the operation it claimed. */
const claimedBy = (db: Kysely<Schema>, tenantId: string, operationIds: string[]) =>
  db
    .selectFrom('media')
    .innerJoin('media_operations as o', 'o.media_id', 'media.id')
    .selectAll('media')
    .select('o.operation_id as claimed')
    .where('o.tenant_id', '=', tenantId)
    .where('o.operation_id', 'in', inList(operationIds))
    .execute();

type MediaQueries = Pick<
  MediaDatabase,
  | 'getMedia'
  | 'getMediaMany'
  | 'getMediaById'
  | 'getMediaRowById'
  | 'claimOperation'
  | 'getMediaByOperation'
  | 'getMediaRowsByOperation'
  | 'listMedia'
  | 'listProcessing'
  | 'countProcessing'
  | 'countMedia'
  | 'listTags'
>;

export function createMediaQueries(db: Kysely<Schema>, hydrate: Hydrate): MediaQueries {
  const one = async (rows: Parameters<Hydrate>[0]) => (await hydrate(rows))[0];
  return {
    async getMedia(tenantId, id) {
      return one(
        await db
          .selectFrom('media')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute(),
      );
    },

    async getMediaMany(tenantId, ids) {
      if (ids.length === 0) return [];
      return hydrate(
        await db
          .selectFrom('media')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', ids)
          .execute(),
      );
    },

    async getMediaById(id) {
      return one(await db.selectFrom('media').selectAll().where('id', '=', id).execute());
    },

    async getMediaRowById(id) {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row, [], []);
    },

    async claimOperation(tenantId, operationId, mediaId) {
      // a new file's claim is written by its row's trigger (0011): this one is a replace's (replace.ts)
      const result = await db
        .insertInto('media_operations')
        .values({ tenant_id: tenantId, operation_id: operationId, media_id: mediaId })
        .onConflict((oc) => oc.columns(['tenant_id', 'operation_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async getMediaByOperation(tenantId, operationId) {
      return one(await claimedBy(db, tenantId, [operationId]));
    },

    async getMediaRowsByOperation(tenantId, operationIds) {
      if (operationIds.length === 0) return new Map();
      const rows = await claimedBy(db, tenantId, operationIds);
      return new Map(rows.map((row) => [row.claimed, toRecord(row, [], [])]));
    },
    listMedia: (query) => listMedia(db, hydrate, query),

    async listProcessing() {
      return hydrate(
        await db.selectFrom('media').selectAll().where('status', '=', 'processing').orderBy('seq').execute(),
      );
    },

    async countProcessing(tenantId) {
      const row = await db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'processing')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async countMedia(tenantId) {
      const row = await db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async listTags(tenantId) {
      const rows = await db
        .selectFrom('media_tags')
        .innerJoin('media', 'media.id', 'media_tags.media_id')
        .select(['media_tags.tag as name', (eb) => eb.fn.countAll<number | string>().as('count')])
        .where('media.tenant_id', '=', tenantId)
        .where('media.trashed_at', 'is', null) // the trash's tags are not the library's
        .groupBy('media_tags.tag')
        .orderBy('media_tags.tag')
        .execute();
      return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
    },
  };
}
