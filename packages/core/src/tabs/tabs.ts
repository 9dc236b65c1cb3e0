// One upload queue for all tabs of an origin and endpoint: the tab that drives an upload holds its
// Web Lock and broadcasts its state (BroadcastChannel); other tabs mirror it, forward commands to
// it, and wait on the lock, so that when the driving tab closes exactly one of them takes over.
// Messages and lock requests go out in slices, in order: a drop of 10,000 files costs no long task.
import { createSliceQueue, pushChunks, type SliceQueue } from '../uploads/slices.js';
import type { UploadItem } from '../types.js';

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
const RELEASE_STEP = 500;

/** null where BroadcastChannel or Web Locks are missing: every tab then works alone. */
export function createTabSync(options: TabSyncOptions): TabSync | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof BroadcastChannel === 'undefined' || !locks) return null;
  const tabId = Math.random().toString(36).slice(2);
  const channel = new BroadcastChannel(`mediabay:${options.endpoint}`);
  const lockName = (id: string) => `mediabay:${options.endpoint}:${id}`;
  const mirrors = new Set<string>();
  const files = new Map<string, File>();
  const urls = new Map<string, string>();
  /** items this tab drives (set at once; their locks may still be on the way) */
  const owned = new Set<string>();
  /** releases of the locks this tab holds */
  const held = new Map<string, () => void>();
  const waiting = new Map<string, AbortController>();
  const outbox = new Map<string, UploadItem>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** uploads that ended in this task: their locks are let go once their state went out */
  const finished: string[] = [];
  let closed = false;
  /** one FIFO for every message, so a later state never overtakes an earlier one */
  const outgoing = options.queue ?? createSliceQueue();

  const post = (message: Message) => {
    outgoing.push(() => {
      if (!closed) channel.postMessage(message);
    });
  };
  /** a long list goes out as several messages, each one a slice's work */
  function postChunks<T>(list: readonly T[], message: (chunk: T[]) => Message): void {
    pushChunks(outgoing, list, CHUNK, (chunk) => {
      if (!closed) channel.postMessage(message(chunk));
    });
  }
  const postItems = (items: UploadItem[]) =>
    postChunks(items, (chunk) => ({ type: 'items', from: tabId, items: chunk }));
  const postFiles = (shared: { id: string; file: File }[]) =>
    postChunks(shared, (chunk) => ({ type: 'files', from: tabId, files: chunk }));

  function take(id: string, ifAvailable: boolean): Promise<boolean> {
    return new Promise((resolve) => {
      let release!: () => void;
      const released = new Promise<void>((done) => (release = done));
      void locks!
        .request(lockName(id), { ifAvailable }, (lock) => {
          if (!lock || closed || (!ifAvailable && !owned.has(id))) {
            resolve(false);
            return undefined;
          }
          owned.add(id);
          held.set(id, release);
          resolve(true);
          // the lock is held until the upload ends or the tab goes away
          return released;
        })
        .catch(() => resolve(false));
    });
  }

  /** a follower queues for the lock; being granted it means the driving tab is gone */
  function follow(id: string): void {
    if (waiting.has(id) || held.has(id)) return;
    const controller = new AbortController();
    waiting.set(id, controller);
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    void locks!
      .request(lockName(id), { signal: controller.signal }, (lock) => {
        waiting.delete(id);
        if (!lock || closed || !mirrors.has(id) || options.isFinished(id)) return undefined;
        owned.add(id);
        held.set(id, release);
        mirrors.delete(id);
        options.onTakeover(id, files.get(id), urls.get(id));
        return released;
      })
      .catch(() => waiting.delete(id));
  }

  function flushOutbox(): void {
    timer = null;
    if (outbox.size === 0) return;
    postItems([...outbox.values()]);
    outbox.clear();
  }

  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (!message || message.from === tabId) return;
    switch (message.type) {
      case 'hello': {
        // only what this tab really drives: items written into the store by hand are nobody's to share
        const items = options.owned().filter((item) => owned.has(item.operationId));
        if (items.length === 0) return;
        postItems(items);
        const shared = items.flatMap((item) =>
          files.has(item.operationId) ? [{ id: item.operationId, file: files.get(item.operationId)! }] : [],
        );
        postFiles(shared);
        for (const item of items) {
          const url = urls.get(item.operationId);
          if (url) post({ type: 'url', from: tabId, id: item.operationId, url });
        }
        return;
      }
      case 'items': {
        const mirrored = message.items.filter((item) => !owned.has(item.operationId));
        for (const item of mirrored) {
          mirrors.add(item.operationId);
          if (!options.isFinished(item.operationId) && item.status !== 'ready' && item.status !== 'canceled')
            follow(item.operationId);
        }
        options.onMirror(mirrored);
        return;
      }
      case 'files':
        for (const { id, file } of message.files) files.set(id, file);
        return;
      case 'url':
        urls.set(message.id, message.url);
        return;
      case 'removed':
        for (const id of message.ids) forgetId(id);
        options.onRemoved(message.ids.filter((id) => !owned.has(id)));
        return;
      case 'command':
        if (owned.has(message.id)) options.onCommand(message.id, message.action);
        return;
    }
  };

  function forgetId(id: string): void {
    mirrors.delete(id);
    files.delete(id);
    urls.delete(id);
    waiting.get(id)?.abort();
    waiting.delete(id);
  }

  /** a lock's release costs its promise reactions after the task (~0.06 ms in Chromium): 10,000 at
   * once were a 0.6 s task, so they go RELEASE_STEP per task */
  function releaseInSteps(ids: string[]): void {
    ids.splice(0, RELEASE_STEP).forEach(letGo);
    if (ids.length > 0 && !closed) setTimeout(() => releaseInSteps(ids), 0);
  }

  function letGo(id: string): void {
    owned.delete(id);
    held.get(id)?.();
    held.delete(id);
  }

  post({ type: 'hello', from: tabId });

  // A closing tab tells the others where its uploads stand: in a hidden tab the coalescing timer can
  // lag a second behind, and a tab taking over must not continue from a stale state (still paused).
  const onPageHide = () => {
    flushOutbox();
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
          if (owned.has(item.operationId) && !held.has(item.operationId)) void take(item.operationId, false);
        });
        if (file) {
          files.set(item.operationId, file);
          shared.push({ id: item.operationId, file });
        }
        outbox.set(item.operationId, item);
      }
      // Files are structured-cloneable: a tab that takes over can keep reading the picked file
      postFiles(shared);
      flushOutbox();
    },
    tryOwn: (id) => take(id, true),
    changed(item) {
      if (!owned.has(item.operationId)) return;
      outbox.set(item.operationId, item);
      if (item.status === 'ready' || item.status === 'canceled') {
        // one message for everything that finished in this task (Cancel all over 10,000 was 10,000
        // messages), and the locks let go in slices: releasing 10,000 at once was a long task
        // (the message goes first: a tab waiting for a lock must know the upload ended before it gets it)
        owned.delete(item.operationId);
        finished.push(item.operationId);
        if (finished.length === 1)
          queueMicrotask(() => {
            flushOutbox();
            releaseInSteps(finished.splice(0));
          });
        return;
      }
      // progress is coalesced: ten messages a second are plenty for a mirror
      timer ??= setTimeout(flushOutbox, 100);
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
      flushOutbox();
      outgoing.drain();
      closed = true;
      if (timer) clearTimeout(timer);
      for (const controller of waiting.values()) controller.abort();
      for (const release of held.values()) release();
      waiting.clear();
      held.clear();
      owned.clear();
      mirrors.clear();
      files.clear();
      urls.clear();
      channel.close();
    },
  };
}
