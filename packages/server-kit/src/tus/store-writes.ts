// The tus datastore's writes, guarded: a storage failure (full disk, I/O error, S3) becomes its
// 507/503 answer instead of a 500 (a creation that failed takes its new row with it), and the upload
// row's offset is written at the end of every PATCH (done, failed or cut off), so the record never
// lags what the store holds; except when the creating request's own bytes complete the upload: the
// finish then records the offset with the file (setUploadMedia), or on its own if making it fails.
// Such an upload is also answered from memory the first time it is read back within a few seconds:
// with an expiry set, @tus/server's POST reads it back (stat and info file) only to find it complete.
// The first bytes of such an upload go to `onHead` (stream-head.ts), so the finish sniffs them
// without reading the file back.
import { Upload, type DataStore } from '@tus/utils';
import type { Readable } from 'node:stream';
import type { MediaContext } from '../context.js';
import { SNIFF_BYTES } from '../media/sniff.js';
import { asStorageFailure } from '../storage/failures.js';
import { keepHead } from './stream-head.js';
import { withMethods } from './store-proxy.js';

/** Uploads remembered, at most, in each map below (the oldest forgotten first). */
const MAX_REMEMBERED = 10_000;
/** How long an upload just completed by its creating request is answered from memory. */
const COMPLETED_FOR_MS = 5_000;

const remember = <T>(map: Map<string, T>, id: string, value: T): void => {
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value as string);
  map.set(id, value);
};

export function guardWrites(
  ctx: Pick<MediaContext, 'db'>,
  store: DataStore,
  onHead: (id: string, head: Buffer) => void = () => undefined,
): DataStore {
  // uploads created here (with a declared size) until their first write (creation-with-upload)
  const created = new Map<string, Upload>();
  // uploads that write completed, as the store now holds them, until read back once
  const completed = new Map<string, { upload: Upload; at: number }>();
  /** Drops the completed uploads nobody read back in time (the oldest come first); returns now. */
  const forgetStale = (): number => {
    const now = Date.now();
    for (const [id, memo] of completed) {
      if (now - memo.at < COMPLETED_FOR_MS) break;
      completed.delete(id);
    }
    return now;
  };
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
        const made = await store.create(upload);
        if (made.size !== undefined) remember(created, made.id, made);
        return made;
      } catch (error) {
        // the row went in first (onUploadCreate): without bytes it would be an upload nobody can resume
        await ctx.db.deleteUpload(upload.id).catch(() => undefined);
        return asStorageFailure(error);
      }
    },
    async getUpload(id: string) {
      const memo = completed.get(id);
      completed.delete(id);
      if (memo && Date.now() - memo.at < COMPLETED_FOR_MS) return memo.upload;
      return store.getUpload(id);
    },
    async write(stream: Readable, id: string, offset: number) {
      const upload = created.get(id);
      created.delete(id);
      const head = upload && offset === 0 ? keepHead(stream, SNIFF_BYTES) : undefined;
      try {
        const end = await store.write(stream, id, offset);
        if (!upload || end !== upload.size) await persistOffset(id, end);
        else {
          remember(completed, id, { upload: new Upload({ ...upload, offset: end }), at: forgetStale() });
          if (head) onHead(id, head());
        }
        return end;
      } catch (error) {
        await persistOffset(id);
        return asStorageFailure(error);
      }
    },
  });
}
