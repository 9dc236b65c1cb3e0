// MediaDatabase over kysely. Only portable SQL: the same queries run on SQLite and PostgreSQL.
import type { Kysely, Updateable } from 'kysely';
import type { MediaDatabase, MediaPatch, NewMedia, MediaRecord } from './database.js';
import { createAuditQueries } from './audit-queries.js';
import { captionOf, createCaptionQueries } from './caption-queries.js';
import { listMedia } from './list-query.js';
import { createQuotaQueries } from './quota-queries.js';
import { createStorageKeyQueries } from './storage-key-queries.js';
import { toRecord, type MediaRow } from './rows.js';
import type { MediaTable, Schema } from './schema.js';
import { createTicketQueries } from './ticket-queries.js';
import { createSecretQueries } from './secret-queries.js';
import { createReplaceQueries } from './replace-queries.js';
import { createTrashQueries } from './trash-queries.js';
import { createUploadQueries } from './upload-queries.js';

export function createKyselyDatabase(db: Kysely<Schema>): MediaDatabase {
  // kysely cannot nest transactions: inside one, a method's own transaction joins it.
  const atomically = <T>(work: (trx: Kysely<Schema>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

  async function hydrate(rows: MediaRow[]): Promise<MediaRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tags, usages, captions] = await Promise.all([
      db.selectFrom('media_tags').selectAll().where('media_id', 'in', ids).orderBy('tag').execute(),
      db.selectFrom('media_usages').selectAll().where('media_id', 'in', ids).orderBy('course_id').execute(),
      db.selectFrom('media_captions').selectAll().where('media_id', 'in', ids).orderBy('lang').execute(),
    ]);
    return rows.map((row) =>
      toRecord(
        row,
        tags.filter((t) => t.media_id === row.id).map((t) => t.tag),
        usages
          .filter((u) => u.media_id === row.id)
          .map((u) =>
            u.lesson_id ? { courseId: u.course_id, lessonId: u.lesson_id } : { courseId: u.course_id },
          ),
        captions.filter((c) => c.media_id === row.id).map(captionOf),
      ),
    );
  }

  async function one(rows: MediaRow[]): Promise<MediaRecord | undefined> {
    return (await hydrate(rows))[0];
  }

  const self: MediaDatabase = {
    transaction: (work) => atomically((trx) => work(trx === db ? self : createKyselyDatabase(trx))),

    async insertMedia(media: NewMedia) {
      await db
        .insertInto('media')
        .values({
          id: media.id,
          tenant_id: media.tenantId,
          owner_id: media.ownerId,
          name: media.name,
          name_key: media.name.toLowerCase(),
          type: media.type,
          mime_type: media.mimeType,
          size: media.size,
          status: media.status,
          error: null,
          created_at: media.createdAt,
          updated_at: media.updatedAt,
          duration_ms: null,
          width: null,
          height: null,
          thumbnail_key: null,
          storage_key: media.storageKey,
          operation_id: media.operationId,
        })
        .execute();
      const created = await one(
        await db.selectFrom('media').selectAll().where('id', '=', media.id).execute(),
      );
      if (!created) throw new Error(`media ${media.id} vanished after insert`);
      return created;
    },

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

    async claimOperation(tenantId, operationId, mediaId) {
      const result = await db
        .insertInto('media_operations')
        .values({ tenant_id: tenantId, operation_id: operationId, media_id: mediaId })
        .onConflict((oc) => oc.columns(['tenant_id', 'operation_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async getMediaByOperation(tenantId, operationId) {
      // the file that claimed the operation (claimOperation)
      return one(
        await db
          .selectFrom('media')
          .innerJoin('media_operations as o', 'o.media_id', 'media.id')
          .selectAll('media')
          .where('o.tenant_id', '=', tenantId)
          .where('o.operation_id', '=', operationId)
          .execute(),
      );
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

    async updateMedia(id, patch: MediaPatch) {
      const values: Updateable<MediaTable> = { updated_at: new Date().toISOString() };
      if (patch.name !== undefined) {
        values.name = patch.name;
        values.name_key = patch.name.toLowerCase();
      }
      if (patch.type !== undefined) values.type = patch.type;
      if (patch.mimeType !== undefined) values.mime_type = patch.mimeType;
      if (patch.status !== undefined) values.status = patch.status;
      if (patch.error !== undefined) values.error = patch.error;
      if (patch.durationMs !== undefined) values.duration_ms = patch.durationMs;
      if (patch.width !== undefined) values.width = patch.width;
      if (patch.height !== undefined) values.height = patch.height;
      if (patch.thumbnailKey !== undefined) values.thumbnail_key = patch.thumbnailKey;
      if (patch.renditions !== undefined) {
        values.renditions = patch.renditions.length > 0 ? JSON.stringify(patch.renditions) : null;
      }
      await db.updateTable('media').set(values).where('id', '=', id).execute();
      return one(await db.selectFrom('media').selectAll().where('id', '=', id).execute());
    },

    async setTags(id, tags) {
      await atomically(async (trx) => {
        await trx.deleteFrom('media_tags').where('media_id', '=', id).execute();
        if (tags.length > 0) {
          await trx
            .insertInto('media_tags')
            .values(tags.map((tag) => ({ media_id: id, tag })))
            .execute();
        }
        await trx
          .updateTable('media')
          .set({ updated_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute();
      });
    },

    async deleteMedia(tenantId, ids) {
      if (ids.length === 0) return [];
      return atomically(async (trx) => {
        const rows = await trx
          .selectFrom('media')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', ids)
          .execute();
        if (rows.length === 0) return [];
        const found = rows.map((r) => r.id);
        // caption files are removed with the file's bytes: the records carry their keys
        const captions = await trx
          .selectFrom('media_captions')
          .selectAll()
          .where('media_id', 'in', found)
          .execute();
        const records = rows.map((row) =>
          toRecord(row, [], [], captions.filter((c) => c.media_id === row.id).map(captionOf)),
        );
        await trx.deleteFrom('media_captions').where('media_id', 'in', found).execute();
        await trx.deleteFrom('media_tags').where('media_id', 'in', found).execute();
        await trx.deleteFrom('media_usages').where('media_id', 'in', found).execute();
        await trx.deleteFrom('media').where('id', 'in', found).execute();
        return records;
      });
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

    async addUsage(id, usage) {
      const result = await db
        .insertInto('media_usages')
        .values({ media_id: id, course_id: usage.courseId, lesson_id: usage.lessonId ?? '' })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async removeUsage(id, usage) {
      const result = await db
        .deleteFrom('media_usages')
        .where('media_id', '=', id)
        .where('course_id', '=', usage.courseId)
        .where('lesson_id', '=', usage.lessonId ?? '')
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    ...createUploadQueries(db),
    ...createQuotaQueries(db),
    ...createStorageKeyQueries(db),
    ...createCaptionQueries(db),
    ...createTicketQueries(db),
    ...createSecretQueries(db),
    ...createAuditQueries(db),
    ...createTrashQueries(db),
    ...createReplaceQueries(db, hydrate),

    async close() {
      await db.destroy();
    },
  };
  return self;
}
