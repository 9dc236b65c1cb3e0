// What a tus store knows of each upload (its size, metadata and creation date), read from the upload
// rows the kit writes anyway (upload-create.ts), so the local store keeps no info file per upload
// (storage/local-tus-store.ts). The row a request already read or wrote (`rows`) is used as it is;
// else it is read. The offset is not taken from here: the store answers it from the bytes it holds.
import { Upload, type KvStore } from '@tus/utils';
import type { MediaDatabase, UploadRecord } from '../db/database.js';

export function uploadInfos(
  db: Pick<MediaDatabase, 'getUpload' | 'setUploadSize'>,
  rows: ReadonlyMap<string, UploadRecord>,
): KvStore<Upload> {
  const rowOf = async (id: string): Promise<UploadRecord | undefined> => rows.get(id) ?? db.getUpload(id);
  return {
    async get(id) {
      const row = await rowOf(id);
      if (!row) return undefined;
      return new Upload({
        id,
        size: row.size ?? undefined,
        offset: row.offset,
        // undefined for a row from before migration 0014: the store reads its own info file
        metadata: row.tusMetadata ?? undefined,
        creation_date: row.createdAt,
      });
    },
    async set(id, upload) {
      // a creation's row was written with its size; a deferred length is learnt later (a PATCH)
      const row = await rowOf(id);
      if (!row || upload.size === undefined || row.size === upload.size) return;
      await db.setUploadSize(id, upload.size);
      row.size = upload.size;
    },
    async delete() {
      // the row goes with the upload's cancel (cancel.ts) or its expiry (expiry.ts)
    },
  };
}
