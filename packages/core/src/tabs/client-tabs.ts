// How a client joins the tabs of its origin and endpoint (tabs.ts): mirrors go into the store as
// they are, commands reach the uploader, and a takeover continues the upload if the file is readable.
import type { Library } from '../library/library.js';
import type { ResumeTracker } from '../uploads/resume.js';
import type { SliceQueue } from '../uploads/slices.js';
import { createTabSync, type TabSync } from './tabs.js';
import type { ClientEventMap, UploadItem } from '../types.js';
import type { Uploader } from '../uploads/uploader.js';
import type { UploadStore } from '../uploads/uploads-store.js';
import { FINAL_STATES } from '../uploads/upload-machine.js';

const inFlight = (item: UploadItem) => !FINAL_STATES.has(item.status) && item.status !== 'error';

/** A File cloned from a tab that has closed may no longer be readable (it depends on the browser). */
async function canRead(file: File | undefined): Promise<boolean> {
  if (!file) return false;
  try {
    await file.slice(0, 1).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export function connectTabs(context: {
  endpoint: string;
  store: UploadStore;
  uploader: Uploader;
  library: Library;
  tracker: ResumeTracker | null;
  queue: SliceQueue;
  act: (fn: () => void) => void;
  /** applies the server's view of an operation (GET operations/:id) */
  checkServer(id: string): Promise<void>;
  /** tells this tab's listeners about uploads another tab added or moved on */
  emit<K extends 'upload-added' | 'upload-status'>(type: K, event: ClientEventMap[K]): void;
}): TabSync | null {
  const { store, uploader, library, tracker } = context;
  const tabs: TabSync | null = createTabSync({
    endpoint: context.endpoint,
    queue: context.queue,
    onMirror(items) {
      const fresh: UploadItem[] = [];
      const moved: ClientEventMap['upload-status'][] = [];
      for (const item of items) {
        const before = store.get(item.operationId);
        if (!before) {
          if (inFlight(item)) fresh.push(item);
        } else if (before.status !== item.status) {
          moved.push({ type: 'upload-status', item, previousStatus: before.status });
        }
      }
      store.mirror(items);
      library.addOptimistic(fresh);
      for (const item of items) if (item.status === 'canceled') library.discard(item.operationId);
      for (const item of fresh) context.emit('upload-added', { type: 'upload-added', item });
      for (const event of moved) context.emit('upload-status', event);
    },
    onRemoved: (ids) => store.remove(ids),
    onCommand: (id, action) => context.act(() => uploader[action](id)),
    async onTakeover(id, file, uploadUrl) {
      // the URL the driving tab told, else the one its record kept (a message lost as it closed):
      // without either the upload starts again from byte 0
      const saved = await tracker?.adopt(id);
      const url = uploadUrl ?? saved;
      if (url) uploader.setUploadUrl(id, url);
      // a mirror ignores the server's events: the upload may have completed while this tab watched
      await context.checkServer(id);
      const readable = await canRead(file);
      // the mirror may have moved on (finished) while the lock was on its way
      const item = store.get(id);
      if (!item || item.status === 'processing' || item.status === 'ready') return;
      context.act(() => {
        if (!readable) {
          // no bytes here: the panel asks for the file, as after a reload
          if (!uploader.apply(id, { type: 'FILE.MISSING' })) tabs?.changed(item);
          return;
        }
        uploader.provide(id, file!);
        if (uploader.apply(id, { type: 'UPLOAD.HANDOVER' })) uploader.enqueue(id);
        else tabs?.changed(item);
      });
    },
    owned: () => Object.values(store.$uploads.get()).filter((item) => !tabs?.isMirror(item.operationId)),
    isFinished(id) {
      const item = store.get(id);
      return !item || FINAL_STATES.has(item.status);
    },
  });
  return tabs;
}
