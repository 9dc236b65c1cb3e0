// The embedded default storage: tus uploads and derived files (posters, form uploads) on local disk.
// Keys (see keys.ts) map to paths under one directory.
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { asStorageFailure } from './failures.js';
import { checkKey } from './keys.js';
import { LocalTusStore } from './local-tus-store.js';
import { PART_SUFFIX, removePartFiles } from './partial-files.js';
import type { ByteRange, MediaStorage } from './storage.js';

export interface FileStorageOptions {
  directory: string;
  expiryMs: number;
}

export function createFileStorage({ directory, expiryMs }: FileStorageOptions): MediaStorage {
  const root = path.resolve(directory);
  const tusStore = new LocalTusStore({
    directory: path.join(root, 'uploads'),
    expirationPeriodInMilliseconds: expiryMs,
  });

  function resolve(key: string): string {
    return path.join(root, checkKey(key));
  }

  return {
    tusStore,
    bindUploadInfos: (infos) => tusStore.bindInfos(infos),
    read(key: string, range?: ByteRange) {
      return createReadStream(resolve(key), range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      return (await fs.stat(resolve(key))).size;
    },
    async localCopy(key) {
      // already local: nothing to copy or clean up
      return { path: resolve(key), release: async () => undefined };
    },
    async write(key, source) {
      // Written under a `.part` name and linked in place once complete (link refuses an existing key):
      // a failed or cut-off write leaves nothing under the key, and a crash only a `.part` file that
      // the start-up sweep removes.
      const file = resolve(key);
      const part = `${file}${PART_SUFFIX}`;
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await pipeline(source, createWriteStream(part, { flags: 'wx' }));
        await fs.link(part, file);
        return (await fs.stat(file)).size;
      } catch (error) {
        source.destroy();
        return asStorageFailure(error);
      } finally {
        await fs.rm(part, { force: true });
      }
    },
    async remove(key) {
      const file = resolve(key);
      await fs.rm(file, { force: true });
      if (key.startsWith('uploads/')) await fs.rm(`${file}.json`, { force: true });
    },
    removeExpired() {
      return tusStore.deleteExpired();
    },
    sweepPartial(inUse) {
      return removePartFiles(root, { inUse, uploadsBefore: Date.now() - expiryMs });
    },
  };
}
