// The tus datastore's writes, guarded: a storage failure (full disk, I/O error, S3) becomes its
// 507/503 answer instead of a 500 (a creation that failed takes its new row with it), and the upload
// row's offset is written at the end of every PATCH (done, failed or cut off), so the record never
// lags what the store holds.
import type { DataStore, Upload } from '@tus/utils';
import type { Readable } from 'node:stream';
import type { MediaContext } from '../context.js';
import { asStorageFailure } from '../storage/failures.js';
import { withMethods } from './store-proxy.js';

export function guardWrites(ctx: MediaContext, store: DataStore): DataStore {
  async function persistOffset(id: string, offset?: number): Promise<void> {
    try {
      await ctx.db.setUploadOffset(id, offset ?? (await store.getUpload(id)).offset);
    } catch {
      // the upload is gone (canceled) or the database is unreachable: the next PATCH end writes it
    }
  }

  return withMethods(store, {
    async create(upload: Upload) {
      try {
        return await store.create(upload);
      } catch (error) {
        // the row went in first (onUploadCreate): without bytes it would be an upload nobody can resume
        await ctx.db.deleteUpload(upload.id).catch(() => undefined);
        return asStorageFailure(error);
      }
    },
    async write(stream: Readable, id: string, offset: number) {
      try {
        const end = await store.write(stream, id, offset);
        await persistOffset(id, end);
        return end;
      } catch (error) {
        await persistOffset(id);
        return asStorageFailure(error);
      }
    },
  });
}
