// The client's upload actions: adding files (a file chosen again continues its upload; the rest are
// validated and queued), and the commands on one upload or on all of them, forwarded to the tab
// that drives an upload when this one does not.
import { batch } from 'nanostores';
import type { Emitter } from '../emitter.js';
import type { Library } from '../library/library.js';
import { mediaTypeOf } from '../protocol.js';
import type { TabCommand, TabSync } from '../tabs/tabs.js';
import type { ClientEventMap, MediaClientOptions, UploadItem } from '../types.js';
import { createOperationId } from './operation-id.js';
import type { ResumeTracker } from './resume.js';
import { FINAL_STATES, accepts } from './upload-machine.js';
import type { Uploader } from './uploader.js';
import type { UploadStore } from './uploads-store.js';
import { fileKey, runValidators, validateFiles } from './validation.js';

export interface ClientUploads {
  addFiles(
    files: Iterable<File>,
    replaceFileId?: string,
  ): { accepted: UploadItem[]; rejected: ReturnType<typeof validateFiles>['rejected'] };
  /** the action on one upload */
  command(action: TabCommand): (id: string) => void;
  /** the action on every upload whose state takes it (a finished one is not told to cancel) */
  each(action: TabCommand): void;
  /** uploads that left `$uploads`: their files no longer count as duplicates */
  forget(ids: readonly string[]): void;
  close(): void;
}

const EVENT_OF = {
  pause: 'UPLOAD.PAUSE',
  resume: 'UPLOAD.RESUME',
  cancel: 'UPLOAD.CANCEL',
  retry: 'UPLOAD.RETRY',
} as const;

const newItem = (file: File, now: number, replaceFileId: string | undefined): UploadItem => ({
  operationId: createOperationId(now),
  name: file.name,
  size: file.size,
  mimeType: file.type || 'application/octet-stream',
  type: mediaTypeOf(file.type || ''),
  status: 'queued',
  progress: 0,
  bytesUploaded: 0,
  timeRemaining: null,
  speed: 0,
  addedAt: now,
  ...(replaceFileId ? { replaceFileId } : {}),
});

export function createClientUploads(context: {
  options: Pick<MediaClientOptions, 'restrictions' | 'validators'>;
  store: UploadStore;
  uploader: Uploader;
  library: Library;
  tracker: ResumeTracker | null;
  tabs(): TabSync | null;
  emitter: Emitter<ClientEventMap>;
  /** runs a user action: its changes show in $uploads before it returns (one write) */
  act(fn: () => void): void;
  isDestroyed(): boolean;
}): ClientUploads {
  const { options, store, uploader, library, tracker, emitter } = context;
  /** duplicate-detection keys of the files in $uploads */
  const itemKeys = new Map<string, string>();

  /** files chosen again for uploads waiting for them (after a reload) continue those uploads */
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

  function addFiles(files: Iterable<File>, replaceFileId?: string): ReturnType<ClientUploads['addFiles']> {
    const { fresh, resumed } = resumeChosen(files);
    const current = Object.values(store.$uploads.get());
    const live = current.filter((item) => !FINAL_STATES.has(item.status));
    const existing = new Set(live.map((item) => itemKeys.get(item.operationId) ?? ''));
    const { accepted: acceptedFiles, rejected } = validateFiles(
      fresh,
      options.restrictions,
      existing,
      live.length,
    );
    const now = Date.now();
    const entries = acceptedFiles.map((file) => {
      const item = newItem(file, now, replaceFileId);
      itemKeys.set(item.operationId, fileKey(file));
      return { item, file };
    });
    const accepted = entries.map((entry) => entry.item);
    batch(() => {
      store.add(accepted);
      // a replacement is no new file: the library's entry updates when the server says so
      library.addOptimistic(accepted.filter((item) => !item.replaceFileId));
    });
    context.tabs()?.own(entries);
    tracker?.added(entries);
    const validators = options.validators ?? [];
    if (validators.length === 0) uploader.add(entries);
    else for (const entry of entries) void validateLater(entry.item, entry.file, validators);
    store.flush();
    for (const item of accepted) emitter.emit('upload-added', { type: 'upload-added', item });
    return { accepted: [...resumed, ...accepted], rejected };
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
    itemKeys.delete(item.operationId);
    library.discard(item.operationId);
    emitter.emit('upload-rejected', { type: 'upload-rejected', rejection, operationId: item.operationId });
  }

  /** a command for an upload another tab drives goes to that tab */
  const command = (action: TabCommand) => (id: string) => {
    if (!context.tabs()?.forward(id, action)) uploader[action](id);
  };

  return {
    addFiles,
    command,
    each: (action) =>
      context.act(() => {
        for (const item of Object.values(store.$uploads.get()))
          if (accepts(item.status, EVENT_OF[action])) command(action)(item.operationId);
      }),
    forget(ids) {
      for (const id of ids) itemKeys.delete(id);
    },
    close: () => itemKeys.clear(),
  };
}
