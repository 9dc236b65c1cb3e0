// The client's live channel: the socket and its polling fallback, the server's events applied to
// uploads, library and selection, and the server's view of one operation when events were missed.
// With `uploadEndpoint` on a plain tus server nothing may answer at the endpoint (plain-tus.ts).
import type { QueryClient } from '@tanstack/query-core';
import { batch } from 'nanostores';
import type { Emitter } from '../emitter.js';
import type { JsonFetcher } from '../http.js';
import type { Library } from '../library/library.js';
import { MEDIA_FILES_KEY } from '../library/list-key.js';
import type { SelectionStore } from '../library/selection.js';
import { SERVER_EVENT_TYPES, type OperationStatus, type ServerEvent } from '../protocol.js';
import type { ClientEventMap, MediaClientOptions } from '../types.js';
import type { CanceledUploads } from '../uploads/canceled-uploads.js';
import { createPlainTus, type PlainTus } from '../uploads/plain-tus.js';
import { ONE_REQUEST_MAX_BYTES } from '../transports/transport.js';
import type { Uploader } from '../uploads/uploader.js';
import type { UploadStore } from '../uploads/uploads-store.js';
import type { Connectivity } from './connectivity.js';
import { createLiveStatus, type LiveStatus } from './live.js';
import { createPoller } from './poller.js';
import { fromOperationStatus, fromServerEvent, operationOf } from './server-events.js';
import { createSocket, type SocketEventMap, type WebSocketConstructor } from './socket.js';
import { createTicketSource } from './socket-ticket.js';

export interface ClientLive {
  readonly $live: LiveStatus['$live'];
  readonly plainTus: PlainTus;
  /** the server's view of one operation, for times this client may have missed its events */
  checkServer(id: string): Promise<void>;
  close(): void;
}

export function connectLive(context: {
  endpoint: string;
  options: Pick<
    MediaClientOptions,
    'headers' | 'credentials' | 'WebSocket' | 'pollInterval' | 'uploadEndpoint'
  >;
  fetcher: JsonFetcher;
  queryClient: QueryClient;
  store: UploadStore;
  uploader: Uploader;
  library: Library;
  selection: SelectionStore;
  connectivity: Connectivity;
  canceled: CanceledUploads;
  emitter: Emitter<ClientEventMap>;
  /** whether another tab drives this upload (its server events reach us from that tab) */
  isMirror(id: string): boolean;
}): ClientLive {
  const { endpoint, options, fetcher, queryClient, store, uploader, library, emitter } = context;
  let closed = false;
  const socket = createSocket({
    endpoint,
    headers: options.headers ?? (() => ({})),
    WebSocket: options.WebSocket as WebSocketConstructor | undefined,
    // a browser cannot send a bearer token or a cross-origin cookie on the upgrade: a ticket can
    ticket: options.headers || options.credentials === 'include' ? createTicketSource(fetcher) : undefined,
    // the server's copy of what our own request or the driving tab reports is not parsed (issue 21)
    skipProgress: (id) =>
      !emitter.has('media-upload-progress') && (uploader.sending(id) || context.isMirror(id)),
    // the server sends a one-request upload's progress once, when its bytes are in: nothing to mute
    muteProgress: (id) => (store.get(id)?.size ?? Infinity) > ONE_REQUEST_MAX_BYTES,
  });
  // while the socket is down, the lists in view are refetched (other users' changes still arrive)
  let pollWait: (() => void) | null = null;
  const live = createLiveStatus(socket, {
    refetch: () => void queryClient.refetchQueries({ queryKey: [MEDIA_FILES_KEY], type: 'active' }),
    ...(options.pollInterval ? { interval: Math.max(1000, options.pollInterval * 2.5) } : {}),
  });
  /** the operations whose next step only the server can tell (this tab drives them) */
  const activeIds = () =>
    Object.values(store.$uploads.get())
      .filter(
        (item) =>
          (item.status === 'uploading' || item.status === 'processing') &&
          !context.isMirror(item.operationId),
      )
      .map((item) => item.operationId);
  const poller = createPoller({
    fetcher,
    interval: options.pollInterval,
    // while uploads wait for the server, its one probe asks for everyone: no poll per upload
    ids: () => (context.connectivity.size > 0 ? [] : activeIds()),
    onStatus: (status) => onOperationStatus(status),
    // the poller waits with the uploads for the gate's probe (its ids() are empty meanwhile)
    onUnreachable: () => {
      pollWait ??= context.connectivity.wait(() => (pollWait = null));
    },
  });

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

  function onOperationStatus(status: OperationStatus): void {
    const item = store.get(status.operationId);
    const event = item && fromOperationStatus(status, item);
    if (!item || !event || !uploader.apply(item.operationId, event)) return;
    // no socket event told the library: fetch the server's record ourselves
    if (event.type === 'PROCESSING.DONE' && status.fileId)
      void library.refresh(status.fileId).catch(() => {});
  }

  function onServerEvent(event: ServerEvent): void {
    if (context.canceled.claim(event)) return;
    batch(() => {
      library.applyEvent(event);
      if (event.type === 'media-deleted') context.selection.drop(event.fileIds);
      const id = operationOf(event);
      const item = id ? store.get(id) : undefined;
      const next = item && fromServerEvent(event, item);
      // the tab that drives an upload applies the server's events; mirrors hear them from that tab
      // (late ones, progress after a pause or after completion, the machine ignores)
      if (item && next && !context.isMirror(item.operationId)) uploader.apply(item.operationId, next);
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
        // what our uploads became while no socket listened (a file ready meanwhile would stay
        // `processing` here for good), and other users' changes, are asked for again
        void poller.sweep(activeIds());
        if (wasConnected) void queryClient.invalidateQueries({ queryKey: [MEDIA_FILES_KEY] });
        wasConnected = true;
      } else if (!closed) {
        poller.start();
      }
      emitter.emit('socket-state', event);
    }),
  );
  if (!socket.connected) poller.start();

  return {
    $live: live.$live,
    plainTus,
    checkServer: (id) =>
      fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`)
        .then(onOperationStatus)
        .catch(() => {}),
    close() {
      closed = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
      socket.close();
      live.close();
      poller.stop();
    },
  };
}
