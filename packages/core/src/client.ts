// createMediaClient: wires the store, queue and transports, the live channel (live/client-live.ts),
// resume after reload (uploads/client-restore.ts), the upload actions (uploads/client-uploads.ts),
// the tabs of the origin (tabs/client-tabs.ts), the library cache, selection and view into the
// MediaClient of DESIGN.md, and reacts to each upload's change of state.
import { QueryClient } from '@tanstack/query-core';
import { map } from 'nanostores';
import { createEmitter } from './emitter.js';
import { createFetcher, type JsonFetcher } from './http.js';
import { createLibrary } from './library/library.js';
import { createRemovalSweeper } from './library/removals.js';
import { createSelection } from './library/selection.js';
import { sortBy } from './library/view-sort.js';
import { connectLive } from './live/client-live.js';
import { createConnectivity, type Connectivity } from './live/connectivity.js';
import { createMeStore } from './me.js';
import { connectTabs } from './tabs/client-tabs.js';
import { formTransport } from './transports/form.js';
import { withTarget, type Transport } from './transports/transport.js';
import { absoluteUrl, tusTransport } from './transports/tus.js';
import type { ClientEventMap, MediaClient, MediaClientOptions, ViewState } from './types.js';
import { createAccepting } from './uploads/accepting.js';
import { createCanceledUploads } from './uploads/canceled-uploads.js';
import { restoreUploads } from './uploads/client-restore.js';
import { registerUploadStore } from './uploads/client-stores.js';
import { createClientUploads } from './uploads/client-uploads.js';
import { tusProbe } from './uploads/plain-tus.js';
import { openResumeStore } from './uploads/resume-store.js';
import { createResumeTracker, type ResumeTracker } from './uploads/resume.js';
import { serverOutcome, serverProbe } from './uploads/server-check.js';
import { createSliceQueue, type SliceQueue } from './uploads/slices.js';
import { createUploader, type Uploader, type UploaderOptions } from './uploads/uploader.js';
import { createUploadStore, type UploadStore } from './uploads/uploads-store.js';
import { uploadReactions } from './uploads/upload-reactions.js';

export const DEFAULT_VIEW: ViewState = { mode: 'grid', q: '', type: '', sort: 'createdAt', order: 'desc' };

const transportOf = ({ transport }: MediaClientOptions): Transport =>
  typeof transport === 'function' ? transport : transport === 'form' ? formTransport : tusTransport;

/** the library side: the query cache, the REST fetcher, the library, selection, view and `$me` */
function libraryParts(options: MediaClientOptions, endpoint: string) {
  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  const fetcher = createFetcher(
    endpoint,
    options.headers ?? (() => ({})),
    options.fetch,
    options.credentials,
  );
  const selection = createSelection();
  // a selected file that leaves the list (deleted by anyone, gone on a refetch) leaves the selection
  const library = createLibrary({
    queryClient,
    fetcher,
    onListChange: (previous, next) => selection.follow(previous, next),
  });
  return {
    queryClient,
    fetcher,
    selection,
    library,
    $me: createMeStore(fetcher),
    $view: map<ViewState>({ ...DEFAULT_VIEW }),
  };
}

/** resume after reload's records, and the one FIFO for the side work of adding files (tab messages,
 * lock requests, resume records): a lock is asked for before the record of its upload can be seen by
 * another tab restoring after a reload */
function resumeParts(
  options: MediaClientOptions,
  endpoint: string,
): { sideWork: SliceQueue; tracker: ResumeTracker | null } {
  const resumeStore = options.resumeAfterReload === false ? null : openResumeStore();
  const sideWork = createSliceQueue();
  return {
    sideWork,
    tracker: resumeStore && createResumeTracker(resumeStore, absoluteUrl(endpoint), sideWork),
  };
}

/** the uploader with its transport, and the gate where uploads that lost the server wait */
function createClientUploader(context: {
  options: MediaClientOptions;
  endpoint: string;
  store: UploadStore;
  fetcher: JsonFetcher;
  onChange: UploaderOptions['onChange'];
  onUrl: UploaderOptions['onUrl'];
}): { connectivity: Connectivity; uploader: Uploader } {
  const { options, store, fetcher } = context;
  // uploads that lost the server wait here together: one probe for all of them
  const connectivity = createConnectivity({
    probe:
      options.uploadEndpoint === undefined
        ? serverProbe(fetcher)
        : tusProbe(options.uploadEndpoint, options.fetch, options.credentials),
  });
  const uploader = createUploader({
    store,
    connectivity,
    confirmFailure: serverOutcome(fetcher, store.get),
    transport: withTarget(transportOf(options), {
      uploadEndpoint: options.uploadEndpoint,
      credentials: options.credentials,
    }),
    endpoint: context.endpoint,
    headers: options.headers ?? (() => ({})),
    concurrency: options.concurrency,
    chunkSize: options.chunkSize,
    retries: options.retries,
    onChange: context.onChange,
    onUrl: context.onUrl,
  });
  return { connectivity, uploader };
}

export function createMediaClient(options: MediaClientOptions): MediaClient {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const emitter = createEmitter<ClientEventMap>();
  const store = createUploadStore();
  const { queryClient, fetcher, selection, library, $me, $view } = libraryParts(options, endpoint);
  const accepting = createAccepting({ $me, $batch: store.$batch, maxFiles: options.restrictions?.maxFiles });
  const canceled = createCanceledUploads(fetcher, (fileId) => library.remove([fileId]).catch(() => {}));
  // completed items leave in sweeps: one by one, a batch of small files re-laid the panel's list out
  // every frame
  const removals = createRemovalSweeper({
    delay: options.removeCompletedAfter ?? 5000,
    remove: (ids) => {
      uploads.forget(ids);
      store.remove(ids);
      tabs?.removed(ids);
    },
  });
  let destroyed = false;
  const isDestroyed = () => destroyed;
  const { sideWork, tracker } = resumeParts(options, endpoint);

  const { connectivity, uploader } = createClientUploader({
    options,
    endpoint,
    store,
    fetcher,
    onChange: uploadReactions({
      tabs: () => tabs,
      tracker,
      library,
      removals,
      plainTus: () => live.plainTus,
      canceled,
      emitter,
    }),
    onUrl(id, url) {
      const item = store.get(id);
      if (item) tracker?.url(item, url);
      // a tab that takes this upload over continues at this URL instead of starting again from 0
      tabs?.url(id, url);
    },
  });

  /** user actions show in $uploads before they return, however many items they touch (one write) */
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
    selection,
    connectivity,
    canceled,
    emitter,
    isMirror: (id) => tabs?.isMirror(id) ?? false,
  });
  let restored: Promise<void> = Promise.resolve();
  if (tracker) {
    const restoring = { tracker, store, uploader, library, tabs, options, isDestroyed };
    restored = restoreUploads({ ...restoring, checkServer: live.checkServer });
  }
  const uploads = createClientUploads({
    options,
    store,
    uploader,
    library,
    tracker,
    tabs: () => tabs,
    emitter,
    act,
    isDestroyed,
  });
  const { command } = uploads;

  const client: MediaClient = {
    endpoint,
    addFiles: (files: Iterable<File>) => uploads.addFiles(files),
    replaceFile: (fileId: string, file: File) => uploads.addFiles([file], fileId),
    pause: (id) => act(() => command('pause')(id)),
    resume: (id) => act(() => command('resume')(id)),
    cancel: (id) => act(() => command('cancel')(id)),
    retry: (id) => act(() => command('retry')(id)),
    pauseAll: () => uploads.each('pause'),
    resumeAll: () => uploads.each('resume'),
    cancelAll: () => uploads.each('cancel'),
    retryAll: () => uploads.each('retry'),
    setConcurrency: (limit) => uploader.queue.setConcurrency(limit),
    $uploads: store.$uploads,
    $uploadIds: store.$uploadIds,
    $batch: store.$batch,
    $live: live.$live,
    $selection: selection.$selection,
    $view,
    setView: (patch) => $view.set({ ...$view.get(), ...patch }),
    sortBy: (key, toggle) => sortBy($view, key, toggle),
    selection,
    library: {
      ...library,
      remove(ids, options) {
        selection.drop(ids);
        return library.remove(ids, options);
      },
    },
    queryClient,
    $me,
    $accepting: accepting.$accepting,
    on: (type, fn) => emitter.on(type, fn),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      accepting.close();
      live.close();
      uploader.destroy();
      connectivity.close();
      canceled.close();
      removals.destroy();
      store.destroy();
      library.destroy();
      queryClient.clear();
      emitter.clear();
      uploads.close();
      tracker?.close();
      tabs?.close();
    },
  };
  registerUploadStore(client, store, restored);
  return client;
}
