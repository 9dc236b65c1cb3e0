// Which upload store a client reads its `$uploads` from, for `@mediabay/core/testing`: stories, benches
// and element tests show uploads the way another tab's come in (UPLOAD.MIRROR through the reducer),
// so `$uploads` needs no public write.
import type { MediaClient } from '../types.js';
import type { UploadStore } from './uploads-store.js';

const stores = new WeakMap<MediaClient, UploadStore>();
/** when the uploads an earlier page load left (resume after reload) are back in the store */
const restores = new WeakMap<MediaClient, Promise<void>>();

export function registerUploadStore(client: MediaClient, store: UploadStore, restored: Promise<void>): void {
  stores.set(client, store);
  // a failed restore is the client's to report (as before); this only says it is over
  restores.set(
    client,
    restored.then(
      () => undefined,
      () => undefined,
    ),
  );
}

export function restoredOf(client: MediaClient): Promise<void> {
  const restored = restores.get(client);
  if (!restored) throw new TypeError('Not a client made by createMediaClient.');
  return restored;
}

export function uploadStoreOf(client: MediaClient): UploadStore {
  const store = stores.get(client);
  if (!store) throw new TypeError('Not a client made by createMediaClient.');
  return store;
}
