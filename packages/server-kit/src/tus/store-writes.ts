// The tus datastore's writes, guarded: a storage failure (full disk, I/O error, S3) becomes its
// 507/503 answer instead of a 500 (a creation that failed takes its new row with it), and the upload
// row's offset is written at the end of every PATCH (done, failed or cut off), so the record never
// lags what the store holds; except when the creating request's own bytes complete the upload: the
// finish then records the offset with the file (setUploadMedia), or on its own if making it fails.
import type { DataStore, Upload } from '@tus/utils';
import type { Readable } from 'node:stream';
import type { MediaContext } from '../context.js';
import { asStorageFailure } from '../storage/failures.js';
import { withMethods } from './store-proxy.js';

/** Uploads created and not written yet whose sizes are remembered, at most (oldest forgotten). */
const MAX_REMEMBERED = 10_000;

export function guardWrites(ctx: MediaContext, store: DataStore): DataStore {
  // the declared size of uploads created here until their first write (creation-with-upload)
  const sizes = new Map<string, number>();
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
        const created = await store.create(upload);
        if (upload.size !== undefined) {
          if (sizes.size >= MAX_REMEMBERED) sizes.delete(sizes.keys().next().value as string);
          sizes.set(upload.id, upload.size);
        }
        return created;
      } catch (error) {
        // the row went in first (onUploadCreate): without bytes it would be an upload nobody can resume
        await ctx.db.deleteUpload(upload.id).catch(() => undefined);
        return asStorageFailure(error);
      }
    },
    async write(stream: Readable, id: string, offset: number) {
      const size = sizes.get(id);
      sizes.delete(id);
      try {
        const end = await store.write(stream, id, offset);
        if (end !== size) await persistOffset(id, end); // complete: the finish writes it
        return end;
      } catch (error) {
        await persistOffset(id);
        return asStorageFailure(error);
      }
    },
  });
}
