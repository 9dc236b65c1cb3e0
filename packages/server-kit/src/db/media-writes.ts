// Changing the library: a new file, a patch, tags, deletes and usages (kysely, portable SQL).
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { MediaDatabase, MediaPatch, NewMedia } from './database.js';
import { atomically } from './atomically.js';
import { compiled } from './compiled.js';
import { captionOf } from './caption-queries.js';
import { createRelationsReader, NO_RELATIONS } from './media-hydrate.js';
import { toRecord } from './rows.js';
import type { MediaTable, Schema } from './schema.js';
import { isOperationTaken, OperationTaken } from './upload-triggers.js';

type MediaWrites = Pick<
  MediaDatabase,
  'insertMedia' | 'updateMedia' | 'setTags' | 'deleteMedia' | 'addUsage' | 'removeUsage'
>;

// once per upload: compiled once (compiled.ts)
const insertMedia = compiled((db, row: Insertable<MediaTable>) =>
  db.insertInto('media').values({
    id: row.id,
    tenant_id: row.tenant_id,
    owner_id: row.owner_id,
    name: row.name,
    name_key: row.name_key,
    type: row.type,
    mime_type: row.mime_type,
    size: row.size,
    status: row.status,
    error: row.error,
    created_at: row.created_at,
    updated_at: row.updated_at,
    duration_ms: row.duration_ms,
    width: row.width,
    height: row.height,
    thumbnail_key: row.thumbnail_key,
    storage_key: row.storage_key,
    operation_id: row.operation_id,
  }),
);

export function createMediaWrites(db: Kysely<Schema>): MediaWrites {
  const readRelations = createRelationsReader(db);
  return {
    async insertMedia(media: NewMedia) {
      const row = {
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
      } satisfies Insertable<MediaTable>;
      try {
        await insertMedia(db, row); // claims the operation, records `upload.completed` (0011)
      } catch (error) {
        throw isOperationTaken(error) ? new OperationTaken() : error;
      }
      // a new file has no tags, usages, captions or renditions yet: what went in is the whole record
      return toRecord(
        { ...row, renditions: null, seq: 0, claim_owner: null, claim_until: null, trashed_at: null },
        [],
        [],
      );
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
      // the relations first and the UPDATE last: outside a transaction the change is seen only once
      // this call is about to return (as processing's `ready` must be)
      const relations = (await readRelations([id])).get(id) ?? NO_RELATIONS;
      const row = await db
        .updateTable('media')
        .set(values)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row, relations.tags, relations.usages, relations.captions);
    },

    async setTags(id, tags) {
      await atomically(db, async (trx) => {
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
      return atomically(db, async (trx) => {
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
  };
}
