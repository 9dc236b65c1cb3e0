// The client's upload actions: adding files (validated, shown in `$uploads` at once) and the commands
// on one upload or on all of them. What an upload needs beyond the store (library entry, tabs, resume
// records, the uploader) is the engine's (upload-handoff.ts); before the engine has taken over (it
// does once it has loaded and read the resume records: early-takeover.ts), added files wait in the
// store as queued and commands change the store only, and the engine takes over that early work, in
// order (handoff.adopt): an early file chosen again for a restored upload continues that upload.
import { batch } from 'nanostores';
import type { Emitter } from '../emitter.js';
import { mediaTypeOf } from '../protocol.js';
import type { TabCommand } from '../tabs/tabs.js';
import type { ClientEventMap, MediaClientOptions, UploadItem } from '../types.js';
import { createOperationId } from './operation-id.js';
import { FINAL_STATES, accepts } from './upload-machine.js';
import type { DispatchResult, UploadStore } from './uploads-store.js';
import { fileKey, validateFiles } from './validation.js';

export interface UploadEntry {
  item: UploadItem;
  file: File;
}

/** What the engine does for the upload actions (upload-handoff.ts). */
export interface UploadEngine {
  /** files chosen again for uploads waiting for them (after a reload) continue those uploads */
  resumeChosen(files: Iterable<File>): { fresh: File[]; resumed: UploadItem[] };
  /** shows new uploads in the library (in the same write as `$uploads`) */
  show(items: readonly UploadItem[]): void;
  /** hands new uploads to the tabs, the resume records and the uploader (or the validators first) */
  hand(entries: readonly UploadEntry[]): void;
  /** the action on one upload, here or in the tab that drives it */
  command(action: TabCommand, id: string): void;
}

/** What happened before the engine took over: the uploads added (no `upload-added` yet: an upload
 * this file resumes is no new one), and each change commands made. */
export interface EarlyUploads {
  entries: UploadEntry[];
  changes: DispatchResult[];
}

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
  /** the work done before the engine took over, once: from then on the engine gets it at once */
  takeEarly(): EarlyUploads;
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
  options: Pick<MediaClientOptions, 'restrictions'>;
  store: UploadStore;
  /** null until the engine has loaded */
  engine(): UploadEngine | null;
  emitter: Emitter<ClientEventMap>;
  /** runs a user action: its changes show in $uploads before it returns (one write) */
  act(fn: () => void): void;
}): ClientUploads {
  const { options, store, emitter } = context;
  /** duplicate-detection keys of the files in $uploads */
  const itemKeys = new Map<string, string>();
  let early: EarlyUploads | null = { entries: [], changes: [] };
  /** the engine once it has taken over the early work (until then, that work grows) */
  const engineNow = () => (early ? null : context.engine());

  function addFiles(files: Iterable<File>, replaceFileId?: string): ReturnType<ClientUploads['addFiles']> {
    const engine = engineNow();
    const { fresh, resumed } = engine ? engine.resumeChosen(files) : { fresh: [...files], resumed: [] };
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
      engine?.show(accepted);
    });
    if (engine) engine.hand(entries);
    else early?.entries.push(...entries);
    store.flush();
    if (engine) for (const item of accepted) emitter.emit('upload-added', { type: 'upload-added', item });
    return { accepted: [...resumed, ...accepted], rejected };
  }

  /** before the engine, a command changes the store only; the engine replays its effects */
  const command = (action: TabCommand) => (id: string) => {
    const engine = engineNow();
    if (engine) return engine.command(action, id);
    const change = store.dispatch(id, { type: EVENT_OF[action] });
    if (change) early?.changes.push(change);
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
    takeEarly() {
      const taken = early ?? { entries: [], changes: [] };
      early = null;
      return taken;
    },
    close() {
      itemKeys.clear();
      early = null;
    },
  };
}
