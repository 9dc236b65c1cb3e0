// `$uploads` and `$batch`: applies machine events to items, measures speed, and coalesces writes to
// at most one store notification per animation frame, whatever the number of uploads. Copying a map
// of 10,000 items per event would be O(N^2); per frame it is bounded. Callers that must see a change
// at once (a user's click) call flush().
import { atom, computed, map, type MapStore, type ReadableAtom } from 'nanostores';
import { computeBatch, sentBytes } from './batch.js';
import { devWarn } from './dev.js';
import { initialEta, pauseEta, sampleEta, timeLeft, type EtaState } from './eta.js';
import { createFrameScheduler } from './frame.js';
import type { BatchState, UploadItem } from './types.js';
import { transition, type UploadEvent } from './upload-machine.js';

export interface DispatchResult {
  previous: UploadItem;
  item: UploadItem;
}

export interface UploadStore {
  readonly $uploads: MapStore<Record<string, UploadItem>>;
  readonly $batch: ReadableAtom<BatchState>;
  /** the newest state of an item, including writes still waiting for the frame */
  get(id: string): UploadItem | undefined;
  /** adds many items in one commit */
  add(items: readonly UploadItem[]): void;
  /** applies an event: visible through get() at once, in $uploads by the next frame (or flush());
   * null when the item is unknown or its state ignores the event */
  dispatch(id: string, event: UploadEvent): DispatchResult | null;
  /** writes items as given, bypassing the reducer: mirrors of uploads another tab drives */
  put(items: readonly UploadItem[]): void;
  /** drops items (at the next frame, or flush()) */
  remove(ids: readonly string[]): void;
  flush(): void;
  destroy(): void;
}

export function createUploadStore(options: { now?: () => number } = {}): UploadStore {
  const now = options.now ?? (() => (globalThis.performance ? performance.now() : Date.now()));
  const $uploads = map<Record<string, UploadItem>>({});
  const $batchSpeed = atom(0);
  const pending = new Map<string, UploadItem>();
  const etas = new Map<string, EtaState>();
  let batchEta = initialEta();
  const frame = createFrameScheduler(flush);

  const removals = new Set<string>();

  function current(id: string): UploadItem | undefined {
    if (removals.has(id)) return undefined;
    return pending.get(id) ?? $uploads.value?.[id];
  }

  function flush(): void {
    frame.cancel();
    const values = $uploads.get();
    if (pending.size > 0 || removals.size > 0) {
      const next = { ...values };
      for (const [id, item] of pending) if (id in next) next[id] = item;
      for (const id of removals) delete next[id];
      pending.clear();
      removals.clear();
      $uploads.set(next);
    }
    measureBatch();
  }

  function measureBatch(): void {
    const items = Object.values($uploads.get());
    if (items.some((item) => item.status === 'uploading')) {
      batchEta = sampleEta(batchEta, sentBytes(items), now());
    } else if (items.some((item) => item.status === 'queued' || item.status === 'paused')) {
      batchEta = pauseEta(batchEta);
    } else {
      // nothing left to send: the next batch is measured afresh, not from the last one's speed
      // (small files with processing gaps would otherwise hold a big file's estimate down for seconds)
      batchEta = initialEta();
    }
    $batchSpeed.set(batchEta.speed);
  }

  function withSpeed(id: string, item: UploadItem, event: UploadEvent): UploadEvent {
    if (event.type !== 'UPLOAD.PROGRESS' || item.status !== 'uploading') return event;
    const eta = sampleEta(
      etas.get(id) ?? initialEta(),
      Math.max(item.bytesUploaded, event.bytesUploaded),
      now(),
    );
    etas.set(id, eta);
    const remaining = item.size - Math.max(item.bytesUploaded, event.bytesUploaded);
    return { ...event, speed: eta.speed, timeRemaining: timeLeft(remaining, eta.speed) };
  }

  return {
    $uploads,
    $batch: computed([$uploads, $batchSpeed], (uploads, speed) =>
      computeBatch(Object.values(uploads), speed),
    ),
    get: current,
    add(items) {
      if (items.length === 0) return;
      flush();
      const next = { ...$uploads.get() };
      for (const item of items) next[item.operationId] = item;
      $uploads.set(next);
    },
    dispatch(id, event) {
      const previous = current(id);
      if (!previous) return null;
      const { item, accepted } = transition(previous, withSpeed(id, previous, event));
      if (!accepted) {
        devWarn(`${event.type} ignored in state ${previous.status}`, id);
        return null;
      }
      if (item.status !== 'uploading') {
        const eta = etas.get(id);
        if (eta) etas.set(id, pauseEta(eta));
      }
      if (item !== previous) pending.set(id, item);
      frame.schedule();
      return { previous, item };
    },
    put(items) {
      let added = false;
      for (const item of items) {
        removals.delete(item.operationId);
        if (item.operationId in $uploads.get()) pending.set(item.operationId, item);
        else added = true;
      }
      if (added) {
        flush();
        const next = { ...$uploads.get() };
        for (const item of items) next[item.operationId] = item;
        pending.clear();
        $uploads.set(next);
        return;
      }
      frame.schedule();
    },
    remove(ids) {
      // removals wait for the frame too: items leaving one by one must not copy the map each time
      for (const id of ids) {
        etas.delete(id);
        pending.delete(id);
        if (id in $uploads.get()) removals.add(id);
      }
      if (removals.size > 0) frame.schedule();
    },
    flush,
    destroy() {
      frame.cancel();
      pending.clear();
      removals.clear();
      etas.clear();
    },
  };
}
