// What the client does when an upload changes state: tell the other tabs and the resume records,
// keep the library's optimistic entry as long as the upload can still make a file, let finished
// uploads leave, delete what a canceled one made, and tell the page (`upload-status`).
import type { Emitter } from '../emitter.js';
import type { Library } from '../library/library.js';
import type { RemovalSweeper } from '../library/removals.js';
import type { TabSync } from '../tabs/tabs.js';
import type { ClientEventMap, UploadItem } from '../types.js';
import type { CanceledUploads } from './canceled-uploads.js';
import type { PlainTus } from './plain-tus.js';
import type { ResumeTracker } from './resume.js';
import type { DispatchResult } from './uploads-store.js';
import { FINAL_STATES } from './upload-machine.js';

export function uploadReactions(context: {
  tabs(): TabSync | null;
  tracker: ResumeTracker | null;
  library: Library;
  removals: RemovalSweeper;
  plainTus(): PlainTus;
  canceled: CanceledUploads;
  emitter: Emitter<ClientEventMap>;
}): (change: DispatchResult) => void {
  const { tracker, library, emitter } = context;
  // uploads retried in one task (Retry all over 10,000) come back to the lists in one edit at its end
  const requeued: UploadItem[] = [];
  const requeue = (item: UploadItem) => {
    if (requeued.length === 0) queueMicrotask(() => library.addOptimistic(requeued.splice(0)));
    requeued.push(item);
  };
  return ({ previous, item }) => {
    context.tabs()?.changed(item);
    if (previous.status === item.status && previous.waitingForFile === item.waitingForFile) return;
    tracker?.changed(item);
    // the optimistic library entry lives as long as the upload can still produce a file
    if (item.status === 'canceled' || (item.status === 'error' && !item.fileId))
      library.discard(item.operationId);
    if (previous.status === 'error' && item.status === 'queued' && !item.replaceFileId) requeue(item);
    if (FINAL_STATES.has(item.status)) context.removals.schedule(item.operationId);
    if (item.status === 'processing' && previous.status !== 'processing')
      context.plainTus().uploaded(item.operationId);
    if (item.status === 'canceled') {
      // a canceled upload leaves nothing, in the library or its trash
      if (item.fileId) void library.purge([item.fileId]).catch(() => {});
      // only bytes on their way can still make a file (a queued upload never sent any)
      else if (previous.status === 'uploading' || previous.status === 'processing')
        context.canceled.remember(item.operationId);
    }
    emitter.emit('upload-status', { type: 'upload-status', item, previousStatus: previous.status });
  };
}
