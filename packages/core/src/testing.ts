// `@mediabay/core/testing`: uploads shown without uploading, for stories, benches and element tests.
// Each item is an upload of this page's current batch: an unknown one is added (queued, as addFiles
// adds it), then every one takes its state as an UPLOAD.MIRROR event through the upload reducer, as
// another tab's uploads do. Written at once (no frame to wait for).
import type { MediaClient, UploadItem } from './types.js';
import { libraryOf, restoredOf, uploadStoreOf } from './uploads/client-stores.js';

/** the library's entry for an upload still in flight, as the cache holds it (id = operationId) */
export { optimisticFile } from './library/library.js';

/** Shows `items` in `client.$uploads` as they are, as if this page had added them and another tab drove them. */
export function mirrorUploads(client: MediaClient, items: readonly UploadItem[]): void {
  const store = uploadStoreOf(client);
  store.add(
    items.filter((item) => !store.get(item.operationId)).map((item) => ({ ...item, status: 'queued' })),
  );
  store.mirror(items);
  store.flush();
}

/** Takes uploads out of `client.$uploads` (all of them without `ids`), as when they finish and leave. */
export function removeUploads(client: MediaClient, ids?: readonly string[]): void {
  const store = uploadStoreOf(client);
  store.flush(); // writes still on their way first: a removal then leaves in this one write
  store.remove(ids ?? Object.keys(store.$uploads.get()));
  store.flush();
}

/**
 * Resolves once the uploads an earlier page load left unfinished are back in `client.$uploads` (or
 * found to be none): a test of resume after reload waits for this instead of a fixed time.
 */
export const whenRestored = (client: MediaClient): Promise<void> => restoredOf(client);

/**
 * Shows uploads in flight in the library's lists (their entries with id = operationId), as the client
 * does for each upload it accepts and for another tab's; resolves once they are in (the library
 * cache comes with the client's engine, which loads right after the client is made).
 */
export async function showInLibrary(client: MediaClient, items: readonly UploadItem[]): Promise<void> {
  (await libraryOf(client)).addOptimistic(items);
}
