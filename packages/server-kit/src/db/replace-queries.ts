// Replacing a file's bytes (media/replace.ts): the row points at the new bytes, what was made from the
// old ones (poster, renditions, probe results, error) is cleared for processing to make again.
import type { Kysely } from 'kysely';
import type { MediaRecord } from './records.js';
import type { toRecord } from './rows.js';
import type { Schema } from './schema.js';

export interface ReplacedBytes {
  storageKey: string;
  size: number;
  type: MediaRecord['type'];
  mimeType: string;
  /** the replacement's operation: events about the new bytes carry it, so its uploader follows them */
  operationId: string;
  /** the new name, when the replacement asked for it */
  name?: string;
}

export interface ReplaceQueries {
  /** Points a file at new bytes, back to `processing`; undefined when it is gone. Tags, usages, captions stay. */
  replaceBytes(id: string, bytes: ReplacedBytes): Promise<MediaRecord | undefined>;
}

export function createReplaceQueries(
  db: Kysely<Schema>,
  hydrate: (rows: Parameters<typeof toRecord>[0][]) => Promise<MediaRecord[]>,
): ReplaceQueries {
  return {
    async replaceBytes(id, bytes) {
      await db
        .updateTable('media')
        .set({
          storage_key: bytes.storageKey,
          size: bytes.size,
          type: bytes.type,
          mime_type: bytes.mimeType,
          operation_id: bytes.operationId,
          ...(bytes.name === undefined ? {} : { name: bytes.name, name_key: bytes.name.toLowerCase() }),
          status: 'processing',
          error: null,
          duration_ms: null,
          width: null,
          height: null,
          thumbnail_key: null,
          renditions: null,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      return (await hydrate(await db.selectFrom('media').selectAll().where('id', '=', id).execute()))[0];
    },
  };
}
