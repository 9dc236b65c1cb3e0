// One upload queue for all tabs of an origin and endpoint: the tab that drives an upload holds its
// Web Lock and broadcasts its state (BroadcastChannel); other tabs mirror it, forward commands to
// it, and wait on the lock, so that when the driving tab closes exactly one of them takes over.
// A tab tells the others of an upload it drives only once it holds the upload's lock: a lock request
// and a message are not ordered between processes (a page's first lock request can reach the lock
// manager after the answer its own later message caused), and a follower granted the lock first
// would take the upload over while its driver still sends it: two uploads of one file from byte 0.
// Messages and lock requests go out in slices, in order: a drop of 10,000 files costs no long task.
import { createSliceQueue, pushChunks, type SliceQueue } from '../uploads/slices.js';
import type { UploadItem } from '../types.js';
import { createTabLocks } from './tab-locks.js';
import { FINAL_STATES } from '../uploads/upload-machine.js';
import { createTabOutbox } from './tab-outbox.js';

export type TabCommand = 'pause' | 'resume' | 'cancel' | 'retry';

type Message =
  | { type: 'hello'; from: string }
  | { type: 'items'; from: string; items: UploadItem[] }
  | { type: 'files'; from: string; files: { id: string; file: File }[] }
  | { type: 'url'; from: string; id: string; url: string }
  | { type: 'removed'; from: string; ids: string[] }
  | { type: 'command'; from: string; id: string; action: TabCommand };

export interface TabSyncOptions {
  /** absolute endpoint: tabs share a queue per origin and endpoint */
  endpoint: string;
  /** where messages and lock requests wait for their slice; shared with the resume records so that
   * an upload's lock is always asked for before its record can be seen by a tab restoring it */
  queue?: SliceQueue;
  /** mirrors of uploads another tab drives */
  onMirror(items: UploadItem[]): void;
  onRemoved(ids: string[]): void;
  /** another tab asked the driving tab (this one) to act */
  onCommand(id: string, action: TabCommand): void;
  /** the driving tab went away and this tab now holds the lock */
  onTakeover(id: string, file: File | undefined, uploadUrl: string | undefined): void;
  /** items this tab drives, for a new tab's hello */
  owned(): UploadItem[];
  /** whether an item is finished (its lock can be let go) */
  isFinished(id: string): boolean;
  /** the Web Locks to use (tests pass a slow one); navigator.locks by default */
  locks?: LockManager;
}

export interface TabSync {
  isMirror(id: string): boolean;
  /** drives these items from this tab: takes their locks and tells the others */
  own(entries: readonly { item: UploadItem; file?: File }[]): void;
  /** takes the lock only if no other tab holds it (restoring after a reload) */
  tryOwn(id: string): Promise<boolean>;
  changed(item: UploadItem): void;
  url(id: string, url: string): void;
  removed(ids: readonly string[]): void;
  /** sends a user's command to the driving tab; false when this tab drives the item */
  forward(id: string, action: TabCommand): boolean;
  close(): void;
}

/** items or files per message: structured cloning 10,000 files at once is a 150 ms task */
const CHUNK = 250;
/** lock requests per slice: Chromium hands their grants back together, and 1,000 grants in one
 * task took 250 ms at the start of a big drop */
const LOCKS_PER_SLICE = 64;
const RELEASE_STEP = 500;

/** what createTabSync shares with the handler of the other tabs' messages */
interface TabState {
  tabId: string;
  options: TabSyncOptions;
  /** items this tab drives, mirrors of the others', and what is known of the mirrors */
  owned: Set<string>;
  mirrors: Set<string>;
  files: Map<string, File>;
  urls: Map<string, string>;
  post(message: Message): void;
  postItems(items: UploadItem[]): void;
  /** whether the other tabs may hear of this item now (see mayAnnounce) */
  announceable(item: UploadItem): boolean;
  postFiles(shared: { id: string; file: File }[]): void;
  follow(id: string): void;
  forgetId(id: string): void;
}

/** another tab's message */
function receive(tab: TabState, message: Message | undefined): void {
  if (!message || message.from === tab.tabId) return;
  switch (message.type) {
    case 'hello': {
      // only what this tab really drives: items mirrored in (tests, recordings) are nobody's to share
      const items = tab.options
        .owned()
        .filter((item) => tab.owned.has(item.operationId) && tab.announceable(item));
      if (items.length === 0) return;
      tab.postItems(items);
      const shared = items.flatMap((item) =>
        tab.files.has(item.operationId)
          ? [{ id: item.operationId, file: tab.files.get(item.operationId)! }]
          : [],
      );
      tab.postFiles(shared);
      for (const item of items) {
        const url = tab.urls.get(item.operationId);
        if (url) tab.post({ type: 'url', from: tab.tabId, id: item.operationId, url });
      }
      return;
    }
    case 'items': {
      const mirrored = message.items.filter((item) => !tab.owned.has(item.operationId));
      for (const item of mirrored) tab.mirrors.add(item.operationId);
      tab.options.onMirror(mirrored);
      // after the store has them: an upload heard of once (queued, paused) is followed too
      for (const item of mirrored)
        if (!tab.options.isFinished(item.operationId) && !FINAL_STATES.has(item.status))
          tab.follow(item.operationId);
      return;
    }
    case 'files':
      for (const { id, file } of message.files) tab.files.set(id, file);
      return;
    case 'url':
      tab.urls.set(message.id, message.url);
      return;
    case 'removed':
      for (const id of message.ids) tab.forgetId(id);
      tab.options.onRemoved(message.ids.filter((id) => !tab.owned.has(id)));
      return;
    case 'command':
      if (tab.owned.has(message.id)) tab.options.onCommand(message.id, message.action);
      return;
  }
}

/** a lock's release costs its promise reactions after the task (~0.06 ms in Chromium): 10,000 at
 * once were a 0.6 s task, so they go RELEASE_STEP per task */
function releaseInSteps(ids: string[], letGo: (id: string) => void, stopped: () => boolean): void {
  ids.splice(0, RELEASE_STEP).forEach(letGo);
  if (ids.length > 0 && !stopped()) setTimeout(() => releaseInSteps(ids, letGo, stopped), 0);
}

/** null where BroadcastChannel or Web Locks are missing: every tab then works alone. */
export function createTabSync(options: TabSyncOptions): TabSync | null {
  const locks = options.locks ?? (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof BroadcastChannel === 'undefined' || !locks) return null;
  const tabId = Math.random().toString(36).slice(2);
  const channel = new BroadcastChannel(`mediabay:${options.endpoint}`);
  const lockName = (id: string) => `mediabay:${options.endpoint}:${id}`;
  const mirrors = new Set<string>();
  const files = new Map<string, File>();
  const urls = new Map<string, string>();
  /** items this tab drives (set at once; their locks may still be on the way) */
  const owned = new Set<string>();
  const tabLocks = createTabLocks(locks, lockName);
  /** uploads that ended in this task: their locks are let go once their state went out */
  const finished: string[] = [];
  let closed = false;
  /** one FIFO for every message, so a later state never overtakes an earlier one */
  const outgoing = options.queue ?? createSliceQueue();

  const postNow = (message: Message) => {
    if (!closed) channel.postMessage(message);
  };
  const post = (message: Message) => outgoing.push(() => postNow(message));
  /** a long list goes out as several messages, each one a slice's work */
  function postChunks<T>(list: readonly T[], message: (chunk: T[]) => Message): void {
    pushChunks(outgoing, list, CHUNK, (chunk) => postNow(message(chunk)));
  }
  const postItems = (items: UploadItem[]) =>
    postChunks(items, (chunk) => ({ type: 'items', from: tabId, items: chunk }));
  const postFiles = (shared: { id: string; file: File }[]) =>
    postChunks(shared, (chunk) => ({ type: 'files', from: tabId, files: chunk }));

  /** A driven upload is told of once its lock is held (or it has ended): a follower's lock request,
   * caused by the message, then queues behind this tab's. Until then its state waits in the outbox. */
  const mayAnnounce = (item: UploadItem) =>
    !owned.has(item.operationId) || tabLocks.holds(item.operationId) || FINAL_STATES.has(item.status);
  const outbox = createTabOutbox({
    queue: outgoing,
    mayAnnounce,
    send: (items) => postNow({ type: 'items', from: tabId, items }),
    maxPerMessage: CHUNK,
    // the locks of finished uploads are let go once their state went out (in steps: releasing
    // 10,000 at once was a long task); a tab waiting for a lock must know the upload ended first
    sent: () => {
      if (finished.length > 0) releaseInSteps(finished.splice(0), letGo, () => closed);
    },
  });

  function take(id: string, ifAvailable: boolean): Promise<boolean> {
    const keep = () => !closed && (ifAvailable || owned.has(id));
    return tabLocks.take(id, ifAvailable, keep, () => {
      owned.add(id);
      if (outbox.has(id)) outbox.soon();
    });
  }

  /** a follower queues for the lock; being granted it means the driving tab is gone */
  function follow(id: string): void {
    const keep = () => !closed && mirrors.has(id) && !options.isFinished(id);
    tabLocks.follow(id, keep, () => {
      owned.add(id);
      mirrors.delete(id);
      options.onTakeover(id, files.get(id), urls.get(id));
    });
  }

  const tab: TabState = {
    tabId,
    options,
    owned,
    mirrors,
    files,
    urls,
    post,
    postItems,
    postFiles,
    announceable: mayAnnounce,
    follow,
    forgetId,
  };
  channel.onmessage = (event: MessageEvent<Message>) => receive(tab, event.data);

  function forgetId(id: string): void {
    mirrors.delete(id);
    files.delete(id);
    urls.delete(id);
    tabLocks.stopWaiting(id);
  }

  function letGo(id: string): void {
    owned.delete(id);
    tabLocks.release(id);
  }

  post({ type: 'hello', from: tabId });

  // A closing tab tells the others where its uploads stand: in a hidden tab the coalescing timer can
  // lag a second behind, and a tab taking over must not continue from a stale state (still paused).
  const onPageHide = () => {
    outbox.flush();
    outgoing.drain();
  };
  globalThis.addEventListener?.('pagehide', onPageHide);

  return {
    isMirror: (id) => mirrors.has(id),
    own(entries) {
      const shared: { id: string; file: File }[] = [];
      for (const { item, file } of entries) {
        mirrors.delete(item.operationId);
        owned.add(item.operationId);
        // asked in a later slice: by then the upload may have ended or its lock been taken
        outgoing.push(() => {
          if (owned.has(item.operationId) && !tabLocks.holds(item.operationId))
            void take(item.operationId, false);
        }, 1 / LOCKS_PER_SLICE);
        if (file) {
          files.set(item.operationId, file);
          shared.push({ id: item.operationId, file });
        }
        outbox.set(item);
      }
      // Files are structured-cloneable: a tab that takes over can keep reading the picked file
      postFiles(shared);
      outbox.flush();
    },
    tryOwn: (id) => take(id, true),
    changed(item) {
      if (!owned.has(item.operationId)) return;
      outbox.set(item);
      if (FINAL_STATES.has(item.status)) {
        // its lock is let go after the message that tells of it (outbox's `sent`)
        owned.delete(item.operationId);
        finished.push(item.operationId);
      }
      // progress, and uploads that finish, go at the pace progress is shown at (PROGRESS_WRITE_MS):
      // a message per finished upload was most of the tabs' cost in a batch of small files (Cancel
      // all over 10,000 is one flush too)
      outbox.later();
    },
    url(id, url) {
      urls.set(id, url);
      post({ type: 'url', from: tabId, id, url });
    },
    removed(ids) {
      const mine = ids.filter((id) => owned.has(id));
      for (const id of ids) {
        letGo(id);
        forgetId(id);
      }
      if (mine.length) post({ type: 'removed', from: tabId, ids: mine });
    },
    forward(id, action) {
      if (!mirrors.has(id)) return false;
      post({ type: 'command', from: tabId, id, action });
      return true;
    },
    close() {
      if (closed) return;
      globalThis.removeEventListener?.('pagehide', onPageHide);
      outbox.flush();
      outgoing.drain();
      closed = true;
      outbox.close();
      tabLocks.close();
      owned.clear();
      mirrors.clear();
      files.clear();
      urls.clear();
      channel.close();
    },
  };
}
