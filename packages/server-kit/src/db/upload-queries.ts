// Queries on tus uploads in flight: ownership, progress for the polling fallback, finish markers.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { MediaDatabase } from './database.js';
import { toUpload } from './rows.js';
import type { Schema } from './schema.js';

type UploadQueries = Pick<
  MediaDatabase,
  | 'insertUpload'
  | 'getUpload'
  | 'getUploadByOperation'
  | 'listUploadsOfOperation'
  | 'lockOperation'
  | 'setUploadOffset'
  | 'setUploadMedia'
  | 'listStaleUploads'
  | 'deleteUpload'
  | 'deleteUploadsOfMedia'
>;

export function createUploadQueries(db: Kysely<Schema>): UploadQueries {
  return {
    async insertUpload(upload) {
      await db
        .insertInto('uploads')
        .values({
          id: upload.id,
          tenant_id: upload.tenantId,
          owner_id: upload.ownerId,
          operation_id: upload.operationId,
          name: upload.name,
          mime_type: upload.mimeType,
          size: upload.size,
          offset: upload.offset,
          created_at: upload.createdAt,
          media_id: upload.mediaId,
        })
        .execute();
    },

    async getUpload(id) {
      const row = await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUpload(row);
    },

    async getUploadByOperation(tenantId, operationId) {
      const row = await db
        .selectFrom('uploads')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('operation_id', '=', operationId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row && toUpload(row);
    },

    async listUploadsOfOperation(tenantId, operationId) {
      const rows = await db
        .selectFrom('uploads')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('operation_id', '=', operationId)
        .orderBy('created_at')
        .execute();
      return rows.map(toUpload);
    },

    async lockOperation(tenantId, operationId) {
      // SQLite runs one transaction at a time (one connection): holding one is holding the lock
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
      const key = JSON.stringify(['operation', tenantId, operationId]);
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
    },

    async setUploadOffset(id, offset) {
      await db.updateTable('uploads').set({ offset }).where('id', '=', id).execute();
    },

    async setUploadMedia(id, mediaId, offset) {
      // one conditional UPDATE: of two concurrent finishers, exactly one sees a row change
      const result = await db
        .updateTable('uploads')
        .set(offset === undefined ? { media_id: mediaId } : { media_id: mediaId, offset })
        .where('id', '=', id)
        .where('media_id', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async listStaleUploads(before) {
      const rows = await db
        .selectFrom('uploads')
        .selectAll()
        .where('media_id', 'is', null)
        .where('created_at', '<', before)
        .execute();
      return rows.map(toUpload);
    },

    async deleteUpload(id) {
      await db.deleteFrom('uploads').where('id', '=', id).execute();
    },

    async deleteUploadsOfMedia(mediaId) {
      await db.deleteFrom('uploads').where('media_id', '=', mediaId).execute();
    },
  };
}
