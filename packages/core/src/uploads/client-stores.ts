// Which upload store a client reads its `$uploads` from, for `@mediabay/core/testing`: stories, benches
// and element tests show uploads the way another tab's come in (UPLOAD.MIRROR through the reducer),
// so `$uploads` needs no public write.
import type { MediaClient } from '../types.js';
import type { UploadStore } from './uploads-store.js';

const stores = new WeakMap<MediaClient, UploadStore>();

export function registerUploadStore(client: MediaClient, store: UploadStore): void {
  stores.set(client, store);
}

export function uploadStoreOf(client: MediaClient): UploadStore {
  const store = stores.get(client);
  if (!store) throw new TypeError('Not a client made by createMediaClient.');
  return store;
}
