// Resume after reload: the uploads an earlier page load left unfinished come back (those another open
// tab still drives stay that tab's), and the panel shows what the server really has of each.
import { batch } from 'nanostores';
import type { Library } from '../library/library.js';
import type { TabSync } from '../tabs/tabs.js';
import type { MediaClientOptions } from '../types.js';
import type { ResumeTracker } from './resume.js';
import type { Uploader } from './uploader.js';
import type { UploadStore } from './uploads-store.js';

/** the server may still be storing the bytes of the request the reload cut: its offset is asked again */
const OFFSET_AGAIN_MS = 1500;

export async function restoreUploads(context: {
  tracker: ResumeTracker;
  store: UploadStore;
  uploader: Uploader;
  library: Library;
  tabs: TabSync | null;
  options: Pick<MediaClientOptions, 'fetch' | 'headers' | 'credentials'>;
  /** the server's view of one operation */
  checkServer(id: string): Promise<void>;
  isDestroyed(): boolean;
  /** the restored uploads are in the store with their URLs, not shown yet: files chosen meanwhile
   * for them join them here, in the same write */
  restored(): void;
}): Promise<void> {
  const { tracker, store, uploader, tabs } = context;
  const all = await tracker.restore();
  const loaded = all.filter(({ item }) => !store.get(item.operationId));
  // an upload another open tab still drives is that tab's: it arrives here as a mirror
  const mine = await Promise.all(loaded.map(({ item }) => tabs?.tryOwn(item.operationId) ?? true));
  const restored = loaded.filter((_, index) => mine[index]);
  // the other tab's records stay its own (a stale copy here would overwrite its upload URL later)
  const kept = new Set(restored.map(({ item }) => item.operationId));
  tracker.drop(all.filter(({ item }) => !kept.has(item.operationId)).map(({ item }) => item.operationId));
  if (context.isDestroyed() || restored.length === 0) return;
  // one write: an early file's own item leaves as the upload it continues comes back
  batch(() => {
    tabs?.own(restored.map(({ item }) => ({ item })));
    store.add(restored.map(({ item }) => item));
    context.library.addOptimistic(restored.map(({ item }) => item));
    for (const { item, uploadUrl } of restored)
      if (uploadUrl) uploader.setUploadUrl(item.operationId, uploadUrl);
    context.restored();
    store.flush();
  });
  const showOffset = (id: string, uploadUrl: string) => showServerOffset(context, id, uploadUrl);
  for (const { item, uploadUrl } of restored) {
    // finished uploading before the reload: processing may have ended while nobody listened
    if (item.status === 'processing') void context.checkServer(item.operationId);
    if (!uploadUrl) continue;
    if (item.waitingForFile) {
      void showOffset(item.operationId, uploadUrl);
      setTimeout(() => void showOffset(item.operationId, uploadUrl), OFFSET_AGAIN_MS);
    }
  }
}

/** the panel shows what the server really has of an interrupted upload, not the last saved number */
async function showServerOffset(
  context: Pick<Parameters<typeof restoreUploads>[0], 'uploader' | 'options' | 'isDestroyed'>,
  id: string,
  uploadUrl: string,
): Promise<void> {
  if (context.isDestroyed()) return;
  const { options } = context;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(uploadUrl, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0', ...(options.headers?.() ?? {}) },
      credentials: options.credentials ?? 'same-origin',
    });
    const offset = Number(response.headers.get('Upload-Offset'));
    if (response.ok && Number.isFinite(offset))
      context.uploader.apply(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: offset });
  } catch {
    // offline: the saved progress stays until the file is chosen again
  }
}
