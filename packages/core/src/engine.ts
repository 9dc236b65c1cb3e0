// The client's engine: everything the first paint does not need, loaded by createMediaClient through
// one dynamic import (one chunk: this module imports the rest statically) that starts when the
// client is created. It holds the query cache and library, the uploader with its queue, transports
// and resume records, the tabs of the origin, the live channel (socket and poller), resume after
// reload, and the reactions to each upload's change of state. What was done before it took over
// (files added, commands) is taken over in order once the resume records are read (upload-handoff.ts,
// early-takeover.ts): a file chosen again early continues its waiting upload.
import type { QueryClient } from '@tanstack/query-core';
import type { WritableAtom } from 'nanostores';
import type { Emitter } from './emitter.js';
import { createClientUploader, libraryParts, resumeParts } from './engine-parts.js';
import type { JsonFetcher } from './http.js';
import type { Library } from './library/library.js';
import { createRemovalSweeper } from './library/removals.js';
import type { SelectionStore } from './library/selection.js';
import { connectLive } from './live/client-live.js';
import { connectTabs } from './tabs/client-tabs.js';
import { absoluteUrl } from './transports/tus.js';
import type { ClientEventMap, LiveState, MediaClientOptions } from './types.js';
import { createCanceledUploads } from './uploads/canceled-uploads.js';
import { restoreUploads } from './uploads/client-restore.js';
import type { ClientUploads, UploadEngine } from './uploads/client-uploads.js';
import { earlyTakeover } from './uploads/early-takeover.js';
import { createUploadHandoff } from './uploads/upload-handoff.js';
import { uploadReactions } from './uploads/upload-reactions.js';
import type { UploadStore } from './uploads/uploads-store.js';

export interface EngineContext {
  options: MediaClientOptions;
  endpoint: string;
  store: UploadStore;
  fetcher: JsonFetcher;
  selection: SelectionStore;
  emitter: Emitter<ClientEventMap>;
  /** the client's `$live`, which follows the socket from now on */
  $live: WritableAtom<LiveState>;
  uploads: Pick<ClientUploads, 'forget' | 'takeEarly'>;
  isDestroyed(): boolean;
}

export interface Engine {
  readonly queryClient: QueryClient;
  readonly library: Library;
  readonly uploads: UploadEngine;
  /** runs a user action: nothing starts until it is done, and its changes show before it returns */
  act(fn: () => void): void;
  setConcurrency(limit: number): void;
  /** when the uploads an earlier page load left are back in the store (and the early work taken over) */
  readonly restored: Promise<void>;
  /** the client holds the engine: it takes over what the client did before, once the uploads an
   * earlier page load left are back (a file chosen again early continues its upload) */
  takeOver(): void;
  destroy(): void;
}

export function startEngine(context: EngineContext): Engine {
  const { options, endpoint, store, fetcher, emitter } = context;
  const { queryClient, library } = libraryParts(options, fetcher, context.selection);
  const canceled = createCanceledUploads(fetcher, (fileId) => library.purge([fileId]).catch(() => {}));
  // completed items leave in sweeps: one by one, a batch of small files re-laid the panel's list out
  // every frame
  const removals = createRemovalSweeper({
    delay: options.removeCompletedAfter ?? 5000,
    remove: (ids) => {
      context.uploads.forget(ids);
      store.remove(ids);
      tabs?.removed(ids);
    },
  });
  const { sideWork, tracker } = resumeParts(options, endpoint);
  const reactions = uploadReactions({
    tabs: () => tabs,
    tracker,
    library,
    removals,
    plainTus: () => live.plainTus,
    canceled,
    emitter,
  });
  const { connectivity, uploader } = createClientUploader({
    options,
    endpoint,
    store,
    fetcher,
    onChange: reactions,
    onUrl(id, url) {
      const item = store.get(id);
      if (item) tracker?.url(item, url);
      // a tab that takes this upload over continues at this URL instead of starting again from 0
      tabs?.url(id, url);
    },
  });

  const act = (fn: () => void): void => {
    // nothing starts until the action is done: Cancel all does not start the next upload per slot freed
    uploader.queue.hold(fn);
    store.flush();
  };
  const tabs =
    options.shareTabs === false
      ? null
      : connectTabs({
          endpoint: absoluteUrl(endpoint),
          store,
          uploader,
          library,
          tracker,
          queue: sideWork,
          act,
          emit: (type, event) => emitter.emit(type, event),
          checkServer: (id) => live.checkServer(id),
        });
  const live = connectLive({
    endpoint,
    options,
    fetcher,
    queryClient,
    store,
    uploader,
    library,
    selection: context.selection,
    connectivity,
    canceled,
    emitter,
    isMirror: (id) => tabs?.isMirror(id) ?? false,
  });
  const offLive = live.$live.subscribe((state) => context.$live.set(state));
  const handoff = createUploadHandoff({
    options,
    store,
    uploader,
    library,
    tracker,
    tabs: () => tabs,
    emitter,
    forget: (ids) => context.uploads.forget(ids),
    isDestroyed: context.isDestroyed,
  });
  const takeover = earlyTakeover(() => act(() => handoff.adopt(context.uploads.takeEarly(), reactions)));
  const restoreOver = () => takeover.met('restored');
  const restoring = tracker
    ? restoreUploads({
        tracker,
        store,
        uploader,
        library,
        tabs,
        options,
        isDestroyed: context.isDestroyed,
        checkServer: live.checkServer,
        restored: restoreOver,
      })
    : Promise.resolve();
  const restored = restoring.then(restoreOver, (error: unknown) => {
    restoreOver();
    throw error;
  });

  return {
    queryClient,
    library,
    uploads: handoff,
    act,
    setConcurrency: (limit) => uploader.queue.setConcurrency(limit),
    restored,
    takeOver: () => takeover.met('held'),
    destroy() {
      takeover.close();
      offLive();
      live.close();
      uploader.destroy();
      connectivity.close();
      canceled.close();
      removals.destroy();
      library.destroy();
      queryClient.clear();
      tracker?.close();
      tabs?.close();
    },
  };
}
