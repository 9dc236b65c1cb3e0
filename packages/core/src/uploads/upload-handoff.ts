// The engine's side of the upload actions (client-uploads.ts holds the store's side): a new upload's
// library entry, tab ownership, resume record and place in the queue (after custom validators, if
// any), files chosen again after a reload, commands for the tab that drives an upload, and what was
// done before the engine took over, taken over in order (files chosen again among it first).
import type { Emitter } from '../emitter.js';
import type { Library } from '../library/library.js';
import type { TabSync } from '../tabs/tabs.js';
import type { ClientEventMap, MediaClientOptions, UploadItem } from '../types.js';
import type { EarlyUploads, UploadEngine, UploadEntry } from './client-uploads.js';
import type { ResumeTracker } from './resume.js';
import { FINAL_STATES } from './upload-machine.js';
import type { Uploader } from './uploader.js';
import type { DispatchResult, UploadStore } from './uploads-store.js';
import { runValidators } from './validation.js';

export interface UploadHandoff extends UploadEngine {
  /** takes over what was done before the engine: an upload added with the file of one waiting for
   * it gives way to that one (which continues, or stays paused with its file if it was paused), the
   * others are taken as they were added (`upload-added` now), then each change a command made to
   * them, through `react` (the reactions to a change of state) */
  adopt(early: EarlyUploads, react: (change: DispatchResult) => void): void;
}

export function createUploadHandoff(context: {
  options: Pick<MediaClientOptions, 'validators'>;
  store: UploadStore;
  uploader: Uploader;
  library: Library;
  tracker: ResumeTracker | null;
  tabs(): TabSync | null;
  emitter: Emitter<ClientEventMap>;
  /** a file a validator turned down leaves; its key no longer counts as a duplicate */
  forget(ids: readonly string[]): void;
  isDestroyed(): boolean;
}): UploadHandoff {
  const { options, store, uploader, library, tracker, emitter } = context;

  function resumeChosen(files: Iterable<File>): { fresh: File[]; resumed: UploadItem[] } {
    const fresh: File[] = [];
    const resumed: UploadItem[] = [];
    for (const file of files) {
      const id = tracker?.match(file);
      if (id && store.get(id)?.waitingForFile && uploader.apply(id, { type: 'FILE.PROVIDED' })) {
        context.tabs()?.own([{ item: store.get(id)!, file }]);
        uploader.enqueue(id, file);
        resumed.push(store.get(id)!);
      } else {
        fresh.push(file);
      }
    }
    return { fresh, resumed };
  }

  /** early uploads whose file an upload restored meanwhile waits for leave for that one, in the state
   * they were in (a canceled one resumes nothing); the others stay */
  function joinWaiting(early: readonly UploadEntry[]): { entries: UploadEntry[]; left: Set<string> } {
    const entries: UploadEntry[] = [];
    const left = new Set<string>();
    for (const entry of early) {
      const status = store.get(entry.item.operationId)?.status;
      const open = status === 'queued' || status === 'paused';
      const [waiting] = open ? resumeChosen([entry.file]).resumed : [];
      if (!waiting) {
        entries.push(entry);
        continue;
      }
      left.add(entry.item.operationId);
      if (status === 'paused') uploader.pause(waiting.operationId);
    }
    store.remove([...left]);
    context.forget([...left]);
    return { entries, left };
  }

  // a replacement is no new file: the library's entry updates when the server says so
  const show = (items: readonly UploadItem[]) =>
    library.addOptimistic(items.filter((item) => !item.replaceFileId));

  /** the uploader takes what is queued; a paused upload gets its file (resume queues it); a canceled one nothing */
  function hand(entries: readonly UploadEntry[]): void {
    context.tabs()?.own(entries);
    tracker?.added(entries);
    const validators = options.validators ?? [];
    const open = entries.filter(
      ({ item }) => !FINAL_STATES.has(store.get(item.operationId)?.status ?? 'canceled'),
    );
    if (validators.length > 0) {
      for (const entry of open) void validateLater(entry.item, entry.file, validators);
      return;
    }
    uploader.add(open.filter(({ item }) => store.get(item.operationId)?.status !== 'paused'));
    for (const { item, file } of open)
      if (store.get(item.operationId)?.status === 'paused') uploader.provide(item.operationId, file);
  }

  async function validateLater(
    item: UploadItem,
    file: File,
    validators: NonNullable<MediaClientOptions['validators']>,
  ): Promise<void> {
    const rejection = await runValidators(file, validators);
    if (context.isDestroyed() || !store.get(item.operationId)) return;
    if (!rejection) {
      uploader.enqueue(item.operationId, file);
      return;
    }
    store.remove([item.operationId]);
    tracker?.forget([item.operationId]);
    context.forget([item.operationId]);
    library.discard(item.operationId);
    emitter.emit('upload-rejected', { type: 'upload-rejected', rejection, operationId: item.operationId });
  }

  return {
    resumeChosen,
    show,
    hand,
    /** a command for an upload another tab drives goes to that tab */
    command(action, id) {
      if (!context.tabs()?.forward(id, action)) uploader[action](id);
    },
    adopt(early, react) {
      if (early.entries.length === 0 && early.changes.length === 0) return;
      const { entries, left } = joinWaiting(early.entries);
      show(entries.map(({ item }) => item));
      hand(entries);
      for (const { item } of entries) emitter.emit('upload-added', { type: 'upload-added', item });
      for (const change of early.changes) if (!left.has(change.item.operationId)) react(change);
      store.flush();
    },
  };
}
