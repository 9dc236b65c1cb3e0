// Queries on tus uploads in flight: ownership, progress for the polling fallback, finish markers.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { compiled } from './compiled.js';
import type { MediaDatabase, UploadRecord } from './database.js';
import { inList } from './in-list.js';
import { toUpload } from './rows.js';
import type { Schema } from './schema.js';

type UploadQueries = Pick<
  MediaDatabase,
  | 'insertUpload'
  | 'getUpload'
  | 'getUploadByOperation'
  | 'getUploadsByOperation'
  | 'listUploadsOfOperation'
  | 'lockOperation'
  | 'setUploadOffset'
  | 'setUploadSize'
  | 'setUploadMedia'
  | 'listStaleUploads'
  | 'deleteUpload'
  | 'deleteUploadsOfMedia'
>;

const isPostgres = (db: Kysely<Schema>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** The key of an operation's PostgreSQL advisory lock (lockOperation, insertUpload). */
const operationLock = (tenantId: string, operationId: string): string =>
  JSON.stringify(['operation', tenantId, operationId]);

/** Takes the advisory lock of `key`, held until the transaction ends: one expression for both takers. */
const takeLock = (key: unknown): RawBuilder<unknown> =>
  sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

// what every upload runs, compiled once (compiled.ts); on PostgreSQL the row goes in once the
// operation's lock is held (the lock's CTE is the insert's source, so it runs first)
const insertUpload = compiled((db, u: UploadRecord & { lock: string; metadata: string | null }) =>
  isPostgres(db)
    ? sql`with held as (select ${takeLock(u.lock)})
        insert into "uploads" ("id", "tenant_id", "owner_id", "operation_id", "name", "mime_type",
          "size", "offset", "created_at", "media_id", "metadata")
        select ${u.id}, ${u.tenantId}, ${u.ownerId}, ${u.operationId}, ${u.name}, ${u.mimeType},
          ${u.size}, ${u.offset}, ${u.createdAt}, ${u.mediaId}, ${u.metadata} from held`
    : db.insertInto('uploads').values({
        id: u.id,
        tenant_id: u.tenantId,
        owner_id: u.ownerId,
        operation_id: u.operationId,
        name: u.name,
        mime_type: u.mimeType,
        size: u.size,
        offset: u.offset,
        created_at: u.createdAt,
        media_id: u.mediaId,
        metadata: u.metadata,
      }),
);
const getUpload = compiled((db, p: { id: string }) =>
  db.selectFrom('uploads').selectAll().where('id', '=', p.id),
);
const setOffset = compiled((db, p: { id: string; offset: number }) =>
  db.updateTable('uploads').set({ offset: p.offset }).where('id', '=', p.id),
);
// one conditional UPDATE: of two concurrent finishers, exactly one sees a row change
const setMedia = compiled((db, p: { id: string; mediaId: string }) =>
  db.updateTable('uploads').set({ media_id: p.mediaId }).where('id', '=', p.id).where('media_id', 'is', null),
);
const setMediaAndOffset = compiled((db, p: { id: string; mediaId: string; offset: number }) =>
  db
    .updateTable('uploads')
    .set({ media_id: p.mediaId, offset: p.offset })
    .where('id', '=', p.id)
    .where('media_id', 'is', null),
);

/** The newest upload row of each of `operationIds` (the last made, id breaking a tie), in one statement. */
async function latestUploads(
  db: Kysely<Schema>,
  tenantId: string,
  operationIds: string[],
): Promise<Map<string, UploadRecord>> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('uploads')
        .selectAll()
        .select((inner) =>
          inner.fn
            .agg<number>('row_number')
            .over((over) =>
              over.partitionBy('operation_id').orderBy('created_at', 'desc').orderBy('id', 'desc'),
            )
            .as('newest'),
        )
        .where('tenant_id', '=', tenantId)
        .where('operation_id', 'in', inList(operationIds))
        .as('u'),
    )
    .selectAll('u')
    .where('u.newest', '=', 1)
    .execute();
  return new Map(rows.map((row) => [row.operation_id, toUpload(row)]));
}

export function createUploadQueries(db: Kysely<Schema>): UploadQueries {
  return {
    async insertUpload(upload) {
      await insertUpload(db, {
        ...upload,
        lock: operationLock(upload.tenantId, upload.operationId),
        metadata: upload.tusMetadata ? JSON.stringify(upload.tusMetadata) : null,
      });
    },

    async getUpload(id) {
      const row = (await getUpload(db, { id })).rows[0];
      return row && toUpload(row);
    },

    async getUploadByOperation(tenantId, operationId) {
      return (await latestUploads(db, tenantId, [operationId])).get(operationId);
    },

    async getUploadsByOperation(tenantId, operationIds) {
      return operationIds.length === 0 ? new Map() : latestUploads(db, tenantId, operationIds);
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
      if (!isPostgres(db)) return;
      await sql`SELECT ${takeLock(operationLock(tenantId, operationId))}`.execute(db);
    },

    async setUploadOffset(id, offset) {
      await setOffset(db, { id, offset });
    },

    async setUploadSize(id, size) {
      await db.updateTable('uploads').set({ size }).where('id', '=', id).execute();
    },

    async setUploadMedia(id, mediaId, offset) {
      const result = await (offset === undefined
        ? setMedia(db, { id, mediaId })
        : setMediaAndOffset(db, { id, mediaId, offset }));
      return Number(result.numAffectedRows) === 1;
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
      const result = await db.deleteFrom('uploads').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteUploadsOfMedia(mediaId) {
      await db.deleteFrom('uploads').where('media_id', '=', mediaId).execute();
    },
  };
}
