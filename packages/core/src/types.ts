// Client-side types of @mediabay/core: the shape of upload state and of the client that elements use.
import type { ReadableAtom } from 'nanostores';
import type { QueryClient } from '@tanstack/query-core';
import type {
  AuditPage,
  ListParams,
  ListResponse,
  MediaFile,
  MediaType,
  ServerEvent,
  SortKey,
  Usage,
} from './protocol.js';
import type { AuditParams } from './library/library-audit.js';
import type { MeStore } from './me.js';
import type { Transport } from './transports/transport.js';

export type UploadStatus = 'queued' | 'uploading' | 'paused' | 'processing' | 'ready' | 'error' | 'canceled';

export interface UploadError {
  /** kebab-case: the server's `{error:{code}}` when it answered one, else one of UPLOAD_ERROR_CODES */
  code: string;
  /** a human English sentence: the server's message for a final 4xx, else core's sentence for `code` */
  message: string;
  retryable: boolean;
  /** the message is the server's own words (a final 4xx), not core's sentence for the code */
  fromServer?: boolean;
}

/** Why an upload waits to be tried again by itself. */
export type WaitingReason = 'offline' | 'unreachable' | 'rate-limited' | 'server-busy';

export interface UploadWaiting {
  reason: WaitingReason;
  /** ms epoch of the next try; null while waiting for `online` or for the server to answer a probe */
  retryAt: number | null;
}

export interface UploadItem {
  operationId: string;
  name: string;
  size: number;
  mimeType: string;
  type: MediaType;
  status: UploadStatus;
  /** 0-100, by bytes */
  progress: number;
  bytesUploaded: number;
  /** seconds, null while unknown */
  timeRemaining: number | null;
  /** bytes per second, smoothed */
  speed: number;
  processing?: { stage: string; progress: number };
  fileId?: string;
  error?: UploadError;
  /** restored after a reload: the file must be chosen again */
  waitingForFile?: boolean;
  /** the upload replaces this library file's bytes (same id, tags and usages) instead of adding one */
  replaceFileId?: string;
  /** set while the upload waits to be tried again by itself (status stays 'uploading' or 'queued');
   * cleared when bytes move again */
  waiting?: UploadWaiting;
  /** ms since epoch, when the item was added */
  addedAt: number;
}

export interface BatchState {
  /** 0-100, byte-weighted over the whole current batch (files that left `$uploads` included); never
   * goes down except when files are added or canceled */
  progress: number;
  bytesUploaded: number;
  bytesTotal: number;
  /** bytes per second, smoothed */
  speed: number;
  /** seconds, null while unknown */
  timeRemaining: number | null;
  counts: Record<UploadStatus, number>;
  total: number;
  /** true while anything is queued, uploading or processing */
  active: boolean;
  /** files in the current batch (not canceled), including finished ones that already left `$uploads`;
   * a batch ends when nothing is queued, uploading, paused or processing, and the next add starts one */
  batchTotal: number;
  /** of those, the ones that reached ready */
  batchDone: number;
  /** of those, the ones in error */
  batchFailed: number;
}

export type LiveState = 'connecting' | 'live' | 'polling';

export interface Rejection {
  file: File;
  code: string;
  message: string;
}

/** Why the client takes no new files (`$accepting`): `destroyed`: the client was destroyed; `forbidden`: `/me` says no upload; `max-files`: the queue is full. */
export type NotAcceptingReason = 'destroyed' | 'forbidden' | 'max-files';

export type Accepting = { accepting: true } | { accepting: false; reason: NotAcceptingReason };

export interface Restrictions {
  accept?: string[];
  maxSize?: number;
  minSize?: number;
  maxFiles?: number;
}

export interface MediaClientOptions {
  /** REST base; tus at `${endpoint}/uploads`, socket at `${endpoint}/events` */
  endpoint: string;
  /**
   * the tus creation URL when it is not `${endpoint}/uploads`: any tus server. When nothing answers at
   * `endpoint` the client warns once (`server-missing`) and marks finished uploads ready.
   */
  uploadEndpoint?: string;
  /** 'include' sends cookies to an endpoint on another origin (fetch, XHR and the socket's ticket) */
  credentials?: 'same-origin' | 'include';
  concurrency?: number;
  /** 'tus' (default, resumable), 'form' (one multipart POST), or your own Transport */
  transport?: 'tus' | 'form' | Transport;
  chunkSize?: number;
  restrictions?: Restrictions;
  validators?: ((file: File) => Promise<string | null>)[];
  /** auth for every request and the socket */
  headers?: () => Record<string, string>;
  /** tries after a 408, a tus 409/423 or a 5xx other than 502-504, with backoff min(1000 * 2^n, 30000) ms;
   * default 3. A lost connection, a 429 or a 503 wait without a limit (see docs/decisions.md) */
  retries?: number;
  /** ms before a ready or canceled item leaves `$uploads`; default 5000, `Infinity` keeps them */
  removeCompletedAfter?: number;
  /** ms between `GET operations/:id` polls while the socket is down; default 2000 */
  pollInterval?: number;
  /** WebSocket constructor; default `globalThis.WebSocket` (pass `ws` in Node) */
  WebSocket?: unknown;
  /** default `globalThis.fetch` */
  fetch?: typeof fetch;
  /** keep unfinished uploads in IndexedDB so they resume after a reload when the file is chosen again; default true */
  resumeAfterReload?: boolean;
  /** one upload queue for all tabs of this origin and endpoint (BroadcastChannel + Web Locks); default true */
  shareTabs?: boolean;
  /** share a QueryClient with the host app (then `client.queryClient` is readable at once); default
   * a new one, made when the client's engine has loaded (`client.ready`) */
  queryClient?: QueryClient;
}

export interface ViewState {
  mode: 'grid' | 'list';
  q: string;
  type: MediaType | '';
  sort: NonNullable<ListParams['sort']>;
  order: NonNullable<ListParams['order']>;
  /** the Trash view: files moved to the trash instead of the library */
  trashed?: boolean;
  /** only files with this tag ('' or absent: any) */
  tag?: string;
}

export interface LibraryState {
  /** server records, with optimistic entries for uploads in flight first (their `id` is the operationId) */
  items: MediaFile[];
  /** the server's count of matching files, including those on pages not loaded yet */
  total: number;
  status: 'loading' | 'success' | 'error';
  error?: string;
  /** the server has files past the loaded pages: `library.loadMore(params)` fetches the next page */
  hasMore: boolean;
  /** a `loadMore` of this list is on its way */
  loadingMore: boolean;
}

export interface LibraryApi {
  /** a live view of one query of the cache (`['media-files', params]`), kept current by uploads and socket events */
  watch(params?: ListParams): ReadableAtom<LibraryState>;
  /**
   * appends the next page (by cursor) to the list of `params`; a refetch then reloads every page
   * loaded so far. Resolves when the page is in place; concurrent calls share one request.
   */
  loadMore(params?: ListParams): Promise<void>;
  /** the list for `params`, fresh from the server, with as many pages as the cache holds */
  list(params?: ListParams): Promise<ListResponse>;
  update(id: string, patch: { name?: string; tags?: string[] }): Promise<MediaFile>;
  /** one file: DELETE; several: bulk-delete (all or nothing). `force` deletes files in use (admins). */
  remove(ids: string[], options?: { force?: boolean }): Promise<void>;
  /**
   * Brings files back from the trash (one: POST /:id/restore; several: bulk-restore). They leave the
   * trash's lists at once and are put back if the server refuses. List the trash with
   * `watch({ trashed: true })`.
   */
  restore(ids: string[]): Promise<void>;
  /** Deletes files for good (`?permanent=true`), from the trash or the library; optimistic with rollback. */
  purge(ids: string[], options?: { force?: boolean }): Promise<void>;
  /** For each file, the library file with the same name and size (a likely duplicate), if any. */
  duplicates(files: readonly File[]): Promise<(MediaFile | undefined)[]>;
  /** The same from the lists this client has loaded, at once and without a request. */
  cachedDuplicates(files: readonly File[]): (MediaFile | undefined)[];
  /** One page of the audit log, newest first (admins; others get a 403 `MediaApiError`). */
  audit(params?: AuditParams): Promise<AuditPage>;
  /** adds and removes tags on many files at once (all or nothing); resolves with the changed files */
  bulkTag(ids: string[], change: { add?: string[]; remove?: string[] }): Promise<MediaFile[]>;
  tags(): Promise<{ name: string; count: number }[]>;
  usages(id: string): Promise<Usage[]>;
  /** records that a course (or one of its lessons) uses the file; optimistic, resolves with the server's list */
  addUsage(id: string, usage: Usage): Promise<Usage[]>;
  /** removes one usage; optimistic with rollback like `update` */
  removeUsage(id: string, usage: Usage): Promise<Usage[]>;
  /**
   * Adds or replaces the caption track of `lang` (a BCP 47 tag) from WebVTT or SRT text, named
   * `label`; resolves with the file as the server has it after (its `captions` list).
   */
  setCaption(id: string, lang: string, text: string, label?: string): Promise<MediaFile>;
  /** Removes the caption track of `lang`; the cached file loses it at once, back if refused. */
  removeCaption(id: string, lang: string): Promise<void>;
}

export interface SelectionApi {
  toggle(id: string): void;
  selectRange(toId: string, orderedIds: readonly string[]): void;
  selectAll(orderedIds: readonly string[]): void;
  clear(): void;
  /** ids under the drag rectangle; `additive` (Shift/Ctrl) keeps what was selected when the drag began */
  setFromRect(ids: readonly string[], additive: boolean): void;
  /** the drag rectangle was released: the next setFromRect starts a new drag */
  endRect(): void;
}

/** Events a client emits: everything the server sends, plus client-side lifecycle. */
export type ClientEventMap = {
  [E in ServerEvent as E['type']]: E;
} & {
  'upload-added': { type: 'upload-added'; item: UploadItem };
  /** an upload changed status (or started or stopped waiting for its file), here or in another tab */
  'upload-status': { type: 'upload-status'; item: UploadItem; previousStatus: UploadStatus };
  'socket-state': { type: 'socket-state'; connected: boolean };
  /** (once) no Mediabay server answers at the endpoint: uploads to `uploadEndpoint` end ready */
  'server-missing': { type: 'server-missing'; endpoint: string; message: string };
  /** a file accepted by addFiles() that a custom async validator turned down afterwards */
  'upload-rejected': { type: 'upload-rejected'; rejection: Rejection; operationId: string };
};

export interface MediaClient {
  readonly endpoint: string;
  addFiles(files: Iterable<File>): { accepted: UploadItem[]; rejected: Rejection[] };
  /**
   * Uploads `file` as the new bytes of library file `fileId` (tus metadata `replaceFileId`): the file
   * keeps its id, name, tags and usages; the library shows it updated when processing is done.
   */
  replaceFile(fileId: string, file: File): { accepted: UploadItem[]; rejected: Rejection[] };
  pause(id: string): void;
  resume(id: string): void;
  cancel(id: string): void;
  retry(id: string): void;
  pauseAll(): void;
  resumeAll(): void;
  cancelAll(): void;
  /** retries every upload in 'error' */
  retryAll(): void;
  /** changes the number of parallel uploads at run time */
  setConcurrency(limit: number): void;
  /** read-only: uploads change only through the client's methods (events through the one reducer) */
  readonly $uploads: ReadableAtom<Record<string, UploadItem>>;
  /** operation IDs in the order the uploads were added; a new array only when uploads come or go,
   * not on progress (a list of 10,000 rows can keep its layout while 3 of them move) */
  readonly $uploadIds: ReadableAtom<readonly string[]>;
  readonly $batch: ReadableAtom<BatchState>;
  /** the live channel: 'polling' while the socket is down and watched lists are refetched on an interval */
  readonly $live: ReadableAtom<LiveState>;
  readonly $selection: ReadableAtom<ReadonlySet<string>>;
  /** what the library shows; read-only: it changes through `setView` and `sortBy` */
  readonly $view: ReadableAtom<ViewState>;
  /** changes what the library shows (search, type, tag, mode...) in one write */
  setView(patch: Partial<ViewState>): void;
  /** sorts by `key`: a key chosen anew in its natural order; `toggle` turns the current key's order around */
  sortBy(key: SortKey, toggle?: boolean): void;
  readonly selection: SelectionApi;
  readonly library: LibraryApi;
  /** who the client is and what it may do (`GET /me`), loaded when first subscribed */
  readonly $me: MeStore;
  /** whether addFiles takes files now, or why not (destroyed, the role may not upload, maxFiles reached) */
  readonly $accepting: ReadableAtom<Accepting>;
  /**
   * The QueryClient behind the library cache. `options.queryClient` when given (readable at once);
   * else the client's own, made with the engine that loads right after `createMediaClient` (one
   * dynamic import): reading it before `ready` has resolved throws an Error saying so.
   */
  readonly queryClient: QueryClient;
  /**
   * Resolves once the engine is there (query cache, uploader, tabs, socket); it starts loading when
   * the client is made, and nothing needs to wait for it: files added and commands given before are
   * applied in order when it arrives, and library calls wait for it. Rejects if it could not load
   * (offline: the next call tries again) or the client was destroyed before.
   */
  readonly ready: Promise<void>;
  on<K extends keyof ClientEventMap>(type: K, fn: (event: ClientEventMap[K]) => void): () => void;
  destroy(): void;
}
