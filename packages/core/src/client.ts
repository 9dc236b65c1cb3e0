// createMediaClient: what the first paint and a synchronous addFiles need, made at once (the upload
// store and its machine, `$view`, selection, `$me`, `$live`, `$batch`, `$accepting`, the REST fetcher),
// and the engine (engine.ts: query cache and library, uploader, transports, resume, tabs, socket and
// poller) through one dynamic import that starts now. Until it is there, added files wait as queued,
// commands change the store only, and library calls wait; the engine takes over in order.
import type { QueryClient } from '@tanstack/query-core';
import { atom, map } from 'nanostores';
import { createEmitter } from './emitter.js';
import { loadEngine } from './engine-load.js';
import { createFetcher } from './http.js';
import { createLibraryFacade } from './library/library-facade.js';
import { createSelection } from './library/selection.js';
import { sortBy } from './library/view-sort.js';
import { createMeStore } from './me.js';
import type { ClientEventMap, LiveState, MediaClient, MediaClientOptions, ViewState } from './types.js';
import { createAccepting } from './uploads/accepting.js';
import { registerUploadStore } from './uploads/client-stores.js';
import { createClientUploads } from './uploads/client-uploads.js';
import { createUploadStore } from './uploads/uploads-store.js';

export const DEFAULT_VIEW: ViewState = { mode: 'grid', q: '', type: '', sort: 'createdAt', order: 'desc' };

const TOO_EARLY =
  'client.queryClient is made with the library cache, which loads right after createMediaClient: ' +
  'await client.ready first, or pass your own QueryClient as options.queryClient.';

export function createMediaClient(options: MediaClientOptions): MediaClient {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const emitter = createEmitter<ClientEventMap>();
  const store = createUploadStore();
  const fetcher = createFetcher(
    endpoint,
    options.headers ?? (() => ({})),
    options.fetch,
    options.credentials,
  );
  const selection = createSelection();
  const $me = createMeStore(fetcher);
  const $view = map<ViewState>({ ...DEFAULT_VIEW });
  const $live = atom<LiveState>('connecting');
  const accepting = createAccepting({ $me, $batch: store.$batch, maxFiles: options.restrictions?.maxFiles });
  let destroyed = false;
  let concurrency: number | undefined;

  const engine = loadEngine(() =>
    import('./engine.js').then(({ startEngine }) => () => {
      const started = startEngine({
        options,
        endpoint,
        store,
        fetcher,
        selection,
        emitter,
        $live,
        uploads,
        isDestroyed: () => destroyed,
      });
      if (concurrency !== undefined) started.setConcurrency(concurrency);
      return started;
    }),
  );
  /** something needs the engine: after a failed load (offline), this tries again */
  const needEngine = () => void engine.loaded().catch(() => {});

  /** user actions show in $uploads before they return, however many items they touch (one write) */
  const act = (fn: () => void): void => {
    if (engine.current) return engine.current.act(fn);
    fn();
    store.flush();
    needEngine();
  };
  const uploads = createClientUploads({
    options,
    store,
    engine: () => engine.current?.uploads ?? null,
    emitter,
    act,
  });
  const { command } = uploads;
  const library = createLibraryFacade({
    fetcher,
    selection,
    current: () => engine.current?.library ?? null,
    loaded: () => engine.loaded().then(({ library }) => library),
    arrived: engine.arrived.then(({ library }) => library),
  });
  needEngine();

  const client: MediaClient = {
    endpoint,
    addFiles: (files: Iterable<File>) => {
      needEngine();
      return uploads.addFiles(files);
    },
    replaceFile: (fileId: string, file: File) => {
      needEngine();
      return uploads.addFiles([file], fileId);
    },
    pause: (id) => act(() => command('pause')(id)),
    resume: (id) => act(() => command('resume')(id)),
    cancel: (id) => act(() => command('cancel')(id)),
    retry: (id) => act(() => command('retry')(id)),
    pauseAll: () => uploads.each('pause'),
    resumeAll: () => uploads.each('resume'),
    cancelAll: () => uploads.each('cancel'),
    retryAll: () => uploads.each('retry'),
    setConcurrency(limit) {
      concurrency = limit;
      engine.current?.setConcurrency(limit);
    },
    $uploads: store.$uploads,
    $uploadIds: store.$uploadIds,
    $batch: store.$batch,
    $live,
    $selection: selection.$selection,
    $view,
    setView: (patch) => $view.set({ ...$view.get(), ...patch }),
    sortBy: (key, toggle) => sortBy($view, key, toggle),
    selection,
    library,
    get queryClient(): QueryClient {
      const queryClient = options.queryClient ?? engine.current?.queryClient;
      if (!queryClient) throw new Error(TOO_EARLY);
      return queryClient;
    },
    get ready() {
      return engine.loaded().then(() => undefined);
    },
    $me,
    $accepting: accepting.$accepting,
    on: (type, fn) => emitter.on(type, fn),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      accepting.close();
      engine.close();
      engine.current?.destroy();
      store.destroy();
      emitter.clear();
      uploads.close();
    },
  };
  registerUploadStore(
    client,
    store,
    engine.loaded().then(({ restored }) => restored),
    () => engine.loaded().then(({ library }) => library),
  );
  return client;
}
