// MediaDatabase over kysely. Only portable SQL: the same queries run on SQLite and PostgreSQL.
import type { MediaStatus, MediaType, Usage } from '@mediabay/core/protocol';
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { decodeCursor, encodeCursor } from './cursor.js';
import type {
  ListQuery,
  MediaDatabase,
  MediaPatch,
  MediaRecord,
  NewMedia,
  UploadRecord,
} from './database.js';
import type { MediaTable, Schema, UploadTable } from './schema.js';

const SORT_COLUMNS = { name: 'name_key', createdAt: 'created_at', size: 'size', type: 'type' } as const;

type MediaRow = Selectable<MediaTable>;

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toRecord(row: MediaRow, tags: string[], usages: Usage[]): MediaRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    name: row.name,
    type: row.type as MediaType,
    mimeType: row.mime_type,
    size: Number(row.size),
    status: row.status as MediaStatus,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    durationMs: num(row.duration_ms),
    width: num(row.width),
    height: num(row.height),
    thumbnailKey: row.thumbnail_key,
    storageKey: row.storage_key,
    operationId: row.operation_id,
    tags,
    usages,
  };
}

function toUpload(row: Selectable<UploadTable>): UploadRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    operationId: row.operation_id,
    name: row.name,
    mimeType: row.mime_type,
    size: num(row.size),
    offset: Number(row.offset),
    createdAt: row.created_at,
    mediaId: row.media_id,
  };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createKyselyDatabase(db: Kysely<Schema>): MediaDatabase {
  async function hydrate(rows: MediaRow[]): Promise<MediaRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tags, usages] = await Promise.all([
      db.selectFrom('media_tags').selectAll().where('media_id', 'in', ids).orderBy('tag').execute(),
      db.selectFrom('media_usages').selectAll().where('media_id', 'in', ids).orderBy('course_id').execute(),
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
      ),
    );
  }

  async function one(rows: MediaRow[]): Promise<MediaRecord | undefined> {
    return (await hydrate(rows))[0];
  }

  return {
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

    async getMediaById(id) {
      return one(await db.selectFrom('media').selectAll().where('id', '=', id).execute());
    },

    async getMediaByOperation(tenantId, operationId) {
      return one(
        await db
          .selectFrom('media')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('operation_id', '=', operationId)
          .orderBy('seq', 'desc')
          .limit(1)
          .execute(),
      );
    },

    async listMedia(query: ListQuery) {
      const column = SORT_COLUMNS[query.sort];
      let base = db.selectFrom('media').where('tenant_id', '=', query.tenantId);
      if (query.q) base = base.where(sql<boolean>`name_key like ${likePattern(query.q)} escape '\\'`);
      if (query.type) base = base.where('type', '=', query.type);
      if (query.tag) {
        const tag = query.tag;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('media_tags')
              .select('media_tags.tag')
              .whereRef('media_tags.media_id', '=', 'media.id')
              .where('media_tags.tag', '=', tag),
          ),
        );
      }
      if (query.courseId) {
        const courseId = query.courseId;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('media_usages')
              .select('media_usages.course_id')
              .whereRef('media_usages.media_id', '=', 'media.id')
              .where('media_usages.course_id', '=', courseId),
          ),
        );
      }

      const totalRow = await base
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      const total = Number(totalRow?.n ?? 0);

      let page = base.selectAll();
      if (query.cursor) {
        const cursor = decodeCursor(query.cursor);
        const op = query.order === 'asc' ? '>' : '<';
        page = page.where((eb) =>
          eb.or([
            eb(column, op, cursor.value),
            eb.and([eb(column, '=', cursor.value), eb('seq', op, cursor.seq)]),
          ]),
        );
      }
      const rows = await page
        .orderBy(column, query.order)
        .orderBy('seq', query.order)
        .limit(query.limit + 1)
        .execute();
      const more = rows.length > query.limit;
      const pageRows = more ? rows.slice(0, query.limit) : rows;
      const last = pageRows[pageRows.length - 1];
      const nextCursor = more && last ? encodeCursor({ value: last[column], seq: Number(last.seq) }) : null;
      return { items: await hydrate(pageRows), nextCursor, total };
    },

    async listProcessing() {
      return hydrate(
        await db.selectFrom('media').selectAll().where('status', '=', 'processing').orderBy('seq').execute(),
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
      await db.updateTable('media').set(values).where('id', '=', id).execute();
      return one(await db.selectFrom('media').selectAll().where('id', '=', id).execute());
    },

    async setTags(id, tags) {
      await db.transaction().execute(async (trx) => {
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
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('media')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', ids)
          .execute();
        if (rows.length === 0) return [];
        const found = rows.map((r) => r.id);
        const records = rows.map((row) => toRecord(row, [], []));
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
        .groupBy('media_tags.tag')
        .orderBy('media_tags.tag')
        .execute();
      return rows.map((r) => ({ name: r.name, count: Number(r.count) }));
    },

    async addUsage(id, usage) {
      await db
        .insertInto('media_usages')
        .values({ media_id: id, course_id: usage.courseId, lesson_id: usage.lessonId ?? '' })
        .onConflict((oc) => oc.doNothing())
        .execute();
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

    async setUploadOffset(id, offset) {
      await db.updateTable('uploads').set({ offset }).where('id', '=', id).execute();
    },

    async setUploadMedia(id, mediaId) {
      await db.updateTable('uploads').set({ media_id: mediaId }).where('id', '=', id).execute();
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

    async close() {
      await db.destroy();
    },
  };
}
