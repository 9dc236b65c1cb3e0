// createMediaClient: wires the store, queue and transports, the live socket with its polling
// fallback, the library cache, selection and view into the MediaClient of DESIGN.md.
import { QueryClient } from '@tanstack/query-core';
import { batch, map } from 'nanostores';
import { createAccepting } from './uploads/accepting.js';
import { connectTabs } from './tabs/client-tabs.js';
import { createConnectivity } from './live/connectivity.js';
import { createEmitter } from './emitter.js';
import { createFetcher } from './http.js';
import { createLibrary, MEDIA_FILES_KEY } from './library/library.js';
import { createLiveStatus } from './live/live.js';
import { createMeStore } from './me.js';
import { createOperationId } from './uploads/operation-id.js';
import { createPlainTus, tusProbe } from './uploads/plain-tus.js';
import { createPoller } from './live/poller.js';
import { createRemovalSweeper } from './library/removals.js';
import { openResumeStore } from './uploads/resume-store.js';
import { createResumeTracker, type ResumeTracker } from './uploads/resume.js';
import { createSliceQueue } from './uploads/slices.js';
import { mediaTypeOf, type OperationStatus, type ServerEvent } from './protocol.js';
import { createSelection } from './library/selection.js';
import { createCancelCheck, serverOutcome, serverProbe } from './uploads/server-check.js';
import { fromOperationStatus, fromServerEvent, operationOf } from './live/server-events.js';
import { createSocket, type SocketEventMap, type WebSocketConstructor } from './live/socket.js';
import { createTicketSource } from './live/socket-ticket.js';
import type { TabCommand } from './tabs/tabs.js';
import { formTransport } from './transports/form.js';
import { withTarget } from './transports/transport.js';
import { absoluteUrl, tusTransport } from './transports/tus.js';
import type { ClientEventMap, MediaClient, MediaClientOptions, UploadItem, ViewState } from './types.js';
import { accepts } from './uploads/upload-machine.js';
import { registerUploadStore } from './uploads/client-stores.js';
import { createUploader } from './uploads/uploader.js';
import { createUploadStore, type DispatchResult } from './uploads/uploads-store.js';
import { fileKey, runValidators, validateFiles } from './uploads/validation.js';

const SERVER_EVENT_TYPES: readonly ServerEvent['type'][] = [
  'media-upload-progress',
  'media-upload-complete',
  'media-processing-progress',
  'media-created',
  'media-updated',
  'media-deleted',
  'media-upload-error',
];

export const DEFAULT_VIEW: ViewState = { mode: 'grid', q: '', type: '', sort: 'createdAt', order: 'desc' };

export function createMediaClient(options: MediaClientOptions): MediaClient {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const headers = options.headers ?? (() => ({}));
  const removeAfter = options.removeCompletedAfter ?? 5000;
  const emitter = createEmitter<ClientEventMap>();
  const store = createUploadStore();
  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  const fetcher = createFetcher(endpoint, headers, options.fetch, options.credentials);
  const selection = createSelection();
  // a selected file that leaves the list (deleted by anyone, gone on a refetch) leaves the selection
  const library = createLibrary({
    queryClient,
    fetcher,
    onListChange: (previous, next) => selection.follow(previous, next),
  });
  const $me = createMeStore(fetcher);
  const accepting = createAccepting({ $me, $batch: store.$batch, maxFiles: options.restrictions?.maxFiles });
  const $view = map<ViewState>({ ...DEFAULT_VIEW });
  /** canceled operations whose bytes may still complete on the server: their file gets deleted */
  const canceled = new Set<string>();
  /** duplicate-detection keys of the files in $uploads */
  const itemKeys = new Map<string, string>();
  // completed items leave in sweeps: one by one, a batch of small files re-laid the panel's list out
  // every frame
  const removals = createRemovalSweeper({
    delay: removeAfter,
    remove: (ids) => {
      for (const id of ids) itemKeys.delete(id);
      store.remove(ids);
      tabs?.removed(ids);
    },
  });
  let destroyed = false;
  const resumeStore = options.resumeAfterReload === false ? null : openResumeStore();
  // one FIFO for the side work of adding files (tab messages, lock requests, resume records): a lock
  // is asked for before the record of its upload can be seen by another tab restoring after a reload
  const sideWork = createSliceQueue();
  const tracker: ResumeTracker | null =
    resumeStore && createResumeTracker(resumeStore, absoluteUrl(endpoint), sideWork);

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
    transport: withTarget(
      typeof options.transport === 'function'
        ? options.transport
        : options.transport === 'form'
          ? formTransport
          : tusTransport,
      { uploadEndpoint: options.uploadEndpoint, credentials: options.credentials },
    ),
    endpoint,
    headers,
    concurrency: options.concurrency,
    chunkSize: options.chunkSize,
    retries: options.retries,
    onChange,
    onUrl(id, url) {
      const item = store.get(id);
      if (item) tracker?.url(item, url);
      // a tab that takes this upload over continues at this URL instead of starting again from 0
      tabs?.url(id, url);
    },
  });

  function onChange({ previous, item }: DispatchResult): void {
    tabs?.changed(item);
    if (previous.status === item.status && previous.waitingForFile === item.waitingForFile) return;
    tracker?.changed(item);
    // the optimistic library entry lives as long as the upload can still produce a file
    if (item.status === 'canceled' || (item.status === 'error' && !item.fileId))
      library.discard(item.operationId);
    if (previous.status === 'error' && item.status === 'queued' && !item.replaceFileId)
      library.addOptimistic([item]);
    if (item.status === 'ready' || item.status === 'canceled') removals.schedule(item.operationId);
    if (item.status === 'processing' && previous.status !== 'processing') plainTus.uploaded(item.operationId);
    if (item.status === 'canceled') {
      if (item.fileId) void library.remove([item.fileId]).catch(() => {});
      else {
        rememberCanceled(item.operationId);
        // without a socket no media-created tells us: ask the server whether bytes in flight made a file
        if (previous.status === 'uploading' || previous.status === 'processing')
          canceledCheck.check(item.operationId);
      }
    }
    emitter.emit('upload-status', { type: 'upload-status', item, previousStatus: previous.status });
  }

  const canceledCheck = createCancelCheck(fetcher, (fileId) => library.remove([fileId]).catch(() => {}));

  function rememberCanceled(id: string): void {
    canceled.add(id);
    // bounded: only the most recent cancellations can still race with their upload
    if (canceled.size > 1000) canceled.delete(canceled.values().next().value as string);
  }

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
          checkServer,
        });

  // ---- live channel -------------------------------------------------------------------------
  const socket = createSocket({
    endpoint,
    headers,
    WebSocket: options.WebSocket as WebSocketConstructor | undefined,
    // a browser cannot send a bearer token or a cross-origin cookie on the upgrade: a ticket can
    ticket: options.headers || options.credentials === 'include' ? createTicketSource(fetcher) : undefined,
  });
  // while the socket is down, the lists in view are refetched (other users' changes still arrive)
  let pollWait: (() => void) | null = null;
  const live = createLiveStatus(socket, {
    refetch: () => void queryClient.refetchQueries({ queryKey: [MEDIA_FILES_KEY], type: 'active' }),
    ...(options.pollInterval ? { interval: Math.max(1000, options.pollInterval * 2.5) } : {}),
  });
  const poller = createPoller({
    fetcher,
    interval: options.pollInterval,
    // while uploads wait for the server, its one probe asks for everyone: no poll per upload
    ids: () =>
      connectivity.size > 0
        ? []
        : Object.values(store.$uploads.get())
            .filter(
              (item) =>
                (item.status === 'uploading' || item.status === 'processing') &&
                !tabs?.isMirror(item.operationId),
            )
            .map((item) => item.operationId),
    onStatus: (status) => onOperationStatus(status),
    // the poller waits with the uploads for the gate's probe (its ids() are empty meanwhile)
    onUnreachable: () => {
      pollWait ??= connectivity.wait(() => (pollWait = null));
    },
  });

  // with an `uploadEndpoint` on a plain tus server, nothing may answer at the endpoint
  const plainTus = createPlainTus({
    enabled: options.uploadEndpoint !== undefined,
    endpoint,
    fetcher,
    onStatus: (status) => onOperationStatus(status),
    finish(id) {
      if (uploader.apply(id, { type: 'PROCESSING.DONE' })) library.discard(id);
    },
    onMissing(message) {
      socket.close();
      poller.stop();
      emitter.emit('server-missing', { type: 'server-missing', endpoint, message });
    },
  });

  /** the server's view of one operation, for times this client may have missed its events */
  function checkServer(id: string): Promise<void> {
    return fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`)
      .then(onOperationStatus)
      .catch(() => {});
  }

  function onOperationStatus(status: OperationStatus): void {
    const item = store.get(status.operationId);
    const event = item && fromOperationStatus(status, item);
    if (!item || !event || !uploader.apply(item.operationId, event)) return;
    // no socket event told the library: fetch the server's record ourselves
    if (event.type === 'PROCESSING.DONE' && status.fileId)
      void library.refresh(status.fileId).catch(() => {});
  }

  function onServerEvent(event: ServerEvent): void {
    if (
      (event.type === 'media-created' || event.type === 'media-updated') &&
      canceled.has(event.file.operationId)
    ) {
      canceled.delete(event.file.operationId);
      void library.remove([event.file.id]).catch(() => {});
      return;
    }
    batch(() => {
      library.applyEvent(event);
      if (event.type === 'media-deleted') selection.drop(event.fileIds);
      const id = operationOf(event);
      const item = id ? store.get(id) : undefined;
      const next = item && fromServerEvent(event, item);
      // the tab that drives an upload applies the server's events; mirrors hear them from that tab
      // (late ones, progress after a pause or after completion, the machine ignores)
      if (item && next && !tabs?.isMirror(item.operationId)) uploader.apply(item.operationId, next);
    });
    emitter.emit(event.type, event as never);
  }

  const unsubscribers = SERVER_EVENT_TYPES.map((type) =>
    socket.on(type, (event: SocketEventMap[typeof type]) => onServerEvent(event as ServerEvent)),
  );
  let wasConnected = false;
  unsubscribers.push(
    socket.on('socket-state', (event) => {
      if (event.connected) {
        poller.stop();
        // events missed while the socket was down (other users' uploads, deletes) are refetched
        if (wasConnected) void queryClient.invalidateQueries({ queryKey: [MEDIA_FILES_KEY] });
        wasConnected = true;
      } else if (!destroyed) {
        poller.start();
      }
      emitter.emit('socket-state', event);
    }),
  );
  if (!socket.connected) poller.start();

  // ---- resume after reload -------------------------------------------------------------------
  async function restore(): Promise<void> {
    const all = (await tracker?.restore()) ?? [];
    const loaded = all.filter(({ item }) => !store.get(item.operationId));
    // an upload another open tab still drives is that tab's: it arrives here as a mirror
    const mine = await Promise.all(loaded.map(({ item }) => tabs?.tryOwn(item.operationId) ?? true));
    const restored = loaded.filter((_, index) => mine[index]);
    // the other tab's records stay its own (a stale copy here would overwrite its upload URL later)
    const kept = new Set(restored.map(({ item }) => item.operationId));
    tracker?.drop(all.filter(({ item }) => !kept.has(item.operationId)).map(({ item }) => item.operationId));
    if (destroyed || restored.length === 0) return;
    tabs?.own(restored.map(({ item }) => ({ item })));
    store.add(restored.map(({ item }) => item));
    library.addOptimistic(restored.map(({ item }) => item));
    store.flush();
    for (const { item, uploadUrl } of restored) {
      // finished uploading before the reload: processing may have ended while nobody listened
      if (item.status === 'processing') void checkServer(item.operationId);
      if (!uploadUrl) continue;
      uploader.setUploadUrl(item.operationId, uploadUrl);
      if (item.waitingForFile) {
        void showServerOffset(item.operationId, uploadUrl);
        // the server may still be storing the bytes of the request the reload cut: ask again later
        setTimeout(() => void showServerOffset(item.operationId, uploadUrl), 1500);
      }
    }
  }

  /** the panel shows what the server really has of an interrupted upload, not the last saved number */
  async function showServerOffset(id: string, uploadUrl: string): Promise<void> {
    if (destroyed) return;
    try {
      const response = await (options.fetch ?? globalThis.fetch)(uploadUrl, {
        method: 'HEAD',
        headers: { 'Tus-Resumable': '1.0.0', ...headers() },
        credentials: options.credentials ?? 'same-origin',
      });
      const offset = Number(response.headers.get('Upload-Offset'));
      if (response.ok && Number.isFinite(offset))
        uploader.apply(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: offset });
    } catch {
      // offline: the saved progress stays until the file is chosen again
    }
  }
  void restore();

  // ---- uploads -------------------------------------------------------------------------------
  function addFiles(
    files: Iterable<File>,
    replaceFileId?: string,
  ): {
    accepted: UploadItem[];
    rejected: ReturnType<typeof validateFiles>['rejected'];
  } {
    const fresh: File[] = [];
    const resumed: UploadItem[] = [];
    for (const file of files) {
      const id = tracker?.match(file);
      if (id && store.get(id)?.waitingForFile && uploader.apply(id, { type: 'FILE.PROVIDED' })) {
        tabs?.own([{ item: store.get(id)!, file }]);
        uploader.enqueue(id, file);
        resumed.push(store.get(id)!);
      } else {
        fresh.push(file);
      }
    }
    const current = Object.values(store.$uploads.get());
    const live = current.filter((item) => item.status !== 'canceled' && item.status !== 'ready');
    const existing = new Set(live.map((item) => itemKeys.get(item.operationId) ?? ''));
    const { accepted: acceptedFiles, rejected } = validateFiles(
      fresh,
      options.restrictions,
      existing,
      live.length,
    );
    const now = Date.now();
    const entries = acceptedFiles.map((file) => {
      const item: UploadItem = {
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
      };
      itemKeys.set(item.operationId, fileKey(file));
      return { item, file };
    });
    const accepted = entries.map((entry) => entry.item);
    batch(() => {
      store.add(accepted);
      // a replacement is no new file: the library's entry updates when the server says so
      library.addOptimistic(accepted.filter((item) => !item.replaceFileId));
    });
    tabs?.own(entries);
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
    if (destroyed || !store.get(item.operationId)) return;
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
    if (!tabs?.forward(id, action)) uploader[action](id);
  };
  const EVENT_OF = {
    pause: 'UPLOAD.PAUSE',
    resume: 'UPLOAD.RESUME',
    cancel: 'UPLOAD.CANCEL',
    retry: 'UPLOAD.RETRY',
  } as const;
  /** the action on every upload whose state takes it (a finished one is not told to cancel) */
  const each = (action: TabCommand) =>
    act(() => {
      for (const item of Object.values(store.$uploads.get()))
        if (accepts(item.status, EVENT_OF[action])) command(action)(item.operationId);
    });

  const client: MediaClient = {
    endpoint,
    addFiles: (files: Iterable<File>) => addFiles(files),
    replaceFile: (fileId: string, file: File) => addFiles([file], fileId),
    pause: (id) => act(() => command('pause')(id)),
    resume: (id) => act(() => command('resume')(id)),
    cancel: (id) => act(() => command('cancel')(id)),
    retry: (id) => act(() => command('retry')(id)),
    pauseAll: () => each('pause'),
    resumeAll: () => each('resume'),
    cancelAll: () => each('cancel'),
    retryAll: () => each('retry'),
    setConcurrency: (limit) => uploader.queue.setConcurrency(limit),
    $uploads: store.$uploads,
    $uploadIds: store.$uploadIds,
    $batch: store.$batch,
    $live: live.$live,
    $selection: selection.$selection,
    $view,
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
      for (const unsubscribe of unsubscribers) unsubscribe();
      socket.close();
      live.close();
      poller.stop();
      uploader.destroy();
      connectivity.close();
      canceledCheck.close();
      removals.destroy();
      store.destroy();
      library.destroy();
      queryClient.clear();
      emitter.clear();
      itemKeys.clear();
      canceled.clear();
      tracker?.close();
      tabs?.close();
    },
  };
  registerUploadStore(client, store);
  return client;
}
