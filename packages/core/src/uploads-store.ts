// `$uploads` and `$batch`: applies machine events to items, measures speed, and coalesces progress
// writes so that any number of uploads cause at most one store notification per animation frame.
import { atom, computed, map, type MapStore, type ReadableAtom } from 'nanostores';
import { computeBatch, sentBytes } from './batch.js';
import { devWarn } from './dev.js';
import { initialEta, pauseEta, sampleEta, timeLeft, type EtaState } from './eta.js';
import { createFrameScheduler } from './frame.js';
import type { BatchState, UploadItem } from './types.js';
import { transition, type UploadEvent } from './upload-machine.js';

/** events that only move numbers: they wait for the next frame; everything else is written at once */
const COALESCED: ReadonlySet<UploadEvent['type']> = new Set(['UPLOAD.PROGRESS', 'PROCESSING.PROGRESS']);

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
  /** applies an event; null when the item is unknown or its state ignores the event */
  dispatch(id: string, event: UploadEvent): DispatchResult | null;
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

  function current(id: string): UploadItem | undefined {
    return pending.get(id) ?? $uploads.value?.[id];
  }

  function flush(): void {
    frame.cancel();
    const values = $uploads.get();
    if (pending.size > 0) {
      const next = { ...values };
      for (const [id, item] of pending) if (id in next) next[id] = item;
      pending.clear();
      $uploads.set(next);
    }
    measureBatch();
  }

  function measureBatch(): void {
    const items = Object.values($uploads.get());
    batchEta = items.some((item) => item.status === 'uploading')
      ? sampleEta(batchEta, sentBytes(items), now())
      : pauseEta(batchEta);
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
      if (COALESCED.has(event.type) && item.status === previous.status) frame.schedule();
      else flush();
      return { previous, item };
    },
    remove(ids) {
      flush();
      const next = { ...$uploads.get() };
      let changed = false;
      for (const id of ids) {
        etas.delete(id);
        if (id in next) {
          delete next[id];
          changed = true;
        }
      }
      if (changed) $uploads.set(next);
    },
    flush,
    destroy() {
      frame.cancel();
      pending.clear();
      etas.clear();
    },
  };
}
