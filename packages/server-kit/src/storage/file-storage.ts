// The embedded default storage: tus uploads and derived files (posters, form uploads) on local disk.
// Keys are `uploads/<tus id>`, `media/<id>` (form uploads) or `derived/<name>`, checked against one pattern so no key escapes.
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { ByteRange, MediaStorage } from './storage.js';

const KEY_PATTERN = /^(uploads|derived|media)\/[A-Za-z0-9_-]{1,128}(\.[a-z0-9]{1,8})?$/;

export const uploadKey = (tusId: string): string => `uploads/${tusId}`;

export interface FileStorageOptions {
  directory: string;
  expiryMs: number;
}

export function createFileStorage({ directory, expiryMs }: FileStorageOptions): MediaStorage {
  const root = path.resolve(directory);
  const tusStore = new FileStore({
    directory: path.join(root, 'uploads'),
    expirationPeriodInMilliseconds: expiryMs,
  });

  function resolve(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
    return path.join(root, key);
  }

  return {
    tusStore,
    read(key: string, range?: ByteRange) {
      return createReadStream(resolve(key), range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      return (await fs.stat(resolve(key))).size;
    },
    async localPath(key) {
      return resolve(key);
    },
    async write(key, source) {
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await pipeline(source, createWriteStream(file, { flags: 'wx' }));
      return (await fs.stat(file)).size;
    },
    async remove(key) {
      const file = resolve(key);
      await fs.rm(file, { force: true });
      if (key.startsWith('uploads/')) await fs.rm(`${file}.json`, { force: true });
    },
    removeExpired() {
      return tusStore.deleteExpired();
    },
  };
}
