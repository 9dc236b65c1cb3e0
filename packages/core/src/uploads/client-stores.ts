// Which upload store a client reads its `$uploads` from, for `@mediabay/core/testing`: stories, benches
// and element tests show uploads the way another tab's come in (UPLOAD.MIRROR through the reducer),
// so `$uploads` needs no public write.
import type { Library } from '../library/library.js';
import type { MediaClient } from '../types.js';
import type { UploadStore } from './uploads-store.js';

const stores = new WeakMap<MediaClient, UploadStore>();
/** when the uploads an earlier page load left (resume after reload) are back in the store */
const restores = new WeakMap<MediaClient, Promise<void>>();
/** the library of the client's engine, once it has loaded */
const libraries = new WeakMap<MediaClient, () => Promise<Library>>();

export function registerUploadStore(
  client: MediaClient,
  store: UploadStore,
  restored: Promise<void>,
  library: () => Promise<Library>,
): void {
  stores.set(client, store);
  libraries.set(client, library);
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

export function libraryOf(client: MediaClient): Promise<Library> {
  const library = libraries.get(client);
  if (!library) throw new TypeError('Not a client made by createMediaClient.');
  return library();
}
