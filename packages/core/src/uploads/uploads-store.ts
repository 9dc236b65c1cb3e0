// `$uploads` and `$batch`: applies machine events to items, measures speed, and coalesces writes to
// at most one store notification per animation frame, whatever the number of uploads. Copying a map
// of 10,000 items per event would be O(N^2); per frame it is bounded, and the batch tally and the
// ID list move by the changed items only. Callers that must see a change at once (a click) flush().
import { atom, batch, computed, map, type ReadableAtom } from 'nanostores';
import { copyTally, countItem, emptyTally, summarize, type BatchTally } from './batch.js';
import { createBatchRun } from './batch-run.js';
import { devWarn } from '../dev.js';
import { createFrameScheduler, type FrameScheduler } from '../frame.js';
import type { BatchState, UploadItem } from '../types.js';
import { transition, type UploadEvent } from './upload-machine.js';
import { createUploadSpeeds } from './upload-speeds.js';
// bytes moving alone are written at this pace; any other change by the frame
import { PROGRESS_WRITE_MS } from './progress-pace.js';

export interface DispatchResult {
  previous: UploadItem;
  item: UploadItem;
}

export interface UploadStore {
  /** read-only: every change is an event through the reducer (dispatch), or an add or a removal */
  readonly $uploads: ReadableAtom<Record<string, UploadItem>>;
  /** operation IDs in the order they were added; a new array only when uploads come or go */
  readonly $uploadIds: ReadableAtom<readonly string[]>;
  readonly $batch: ReadableAtom<BatchState>;
  /** the newest state of an item, including writes still waiting for the frame */
  get(id: string): UploadItem | undefined;
  /** adds many items in one commit */
  add(items: readonly UploadItem[]): void;
  /** applies an event: visible through get() at once, in $uploads by the next frame (or flush());
   * null when the item is unknown or its state ignores the event */
  dispatch(id: string, event: UploadEvent): DispatchResult | null;
  /** uploads another driver (a tab, a recording) reports (at the next frame): an unknown one is
   * added, a known one takes the report as an UPLOAD.MIRROR event through the reducer */
  mirror(items: readonly UploadItem[]): void;
  /** drops items (at the next frame, or flush()) */
  remove(ids: readonly string[]): void;
  flush(): void;
  destroy(): void;
}

/** A shallow copy of the map. A for-in loop copies 10,000 entries in ~60% of what a spread takes
 * (V8, measured), and this copy is the one O(N) step of every frame's write. */
function copyOf(uploads: Record<string, UploadItem>): Record<string, UploadItem> {
  const next: Record<string, UploadItem> = {};
  for (const id in uploads) next[id] = uploads[id]!;
  return next;
}

const byAddedAt = (uploads: Record<string, UploadItem>) => (a: string, b: string) =>
  uploads[a]!.addedAt - uploads[b]!.addedAt;

/** A write that took longer (copy and synchronous listeners) is followed by a quiet spell, */
const QUIET_ABOVE_MS = 1;
/** 15 times as long as it took, */
const QUIET_FACTOR = 15;
/** and never longer than this: a batch of 100,000 still shows its progress moving. */
const MAX_QUIET_MS = 500;

/** The batch's time left agrees with its files': never less than the slowest uploading file's, and
 * exactly that file's when its bytes are all the batch has left. */
export function withFileEta(
  batch: BatchState,
  slowest: { seconds: number | null; bytes: number },
): BatchState {
  if (batch.timeRemaining === null || slowest.seconds === null) return batch;
  const left = batch.bytesTotal - batch.bytesUploaded;
  const seconds = left <= slowest.bytes ? slowest.seconds : Math.max(batch.timeRemaining, slowest.seconds);
  return seconds === batch.timeRemaining ? batch : { ...batch, timeRemaining: seconds };
}

/**
 * The next write waits for a frame, and after a costly one also for a quiet spell (`until()`), so that
 * the store takes at most ~1/16 of the main thread (a map of 10,000 uploads copies in ~2 ms: every
 * other frame; 100,000 in ~50 ms: twice a second). Progress alone goes on the pace's timer, unless a
 * change waiting with it is more than progress: that goes by the next frame and takes it along.
 */
function createWriteScheduler(frame: FrameScheduler, now: () => number, until: () => number) {
  let later: ReturnType<typeof setTimeout> | null = null;
  let progressOnly = true;
  const go = (): void => {
    const quietWrite = progressOnly;
    progressOnly = true;
    if (quietWrite) frame.scheduleQuiet(PROGRESS_WRITE_MS);
    else frame.schedule();
  };
  const schedule = (quiet = false): void => {
    progressOnly &&= quiet;
    const wait = until() - now();
    if (wait <= 0) return go();
    later ??= setTimeout(() => {
      later = null;
      go();
    }, wait);
  };
  return {
    schedule,
    cancel(): void {
      if (later) clearTimeout(later);
      later = null;
      progressOnly = true;
    },
  };
}

export function createUploadStore(options: { now?: () => number } = {}): UploadStore {
  const now = options.now ?? (() => (globalThis.performance ? performance.now() : Date.now()));
  const $uploads = map<Record<string, UploadItem>>({});
  const $uploadIds = atom<readonly string[]>([]);
  const $tally = atom<BatchTally>(emptyTally());
  /** the current batch, finished files that left `$uploads` included */
  const run = createBatchRun();
  const $run = atom<BatchTally>(emptyTally());
  const pending = new Map<string, UploadItem>();
  const removals = new Set<string>();
  /** removals of items whose last change is not written yet: they leave one write later, so every
   * item is shown in its final state (ready) before it goes, however soon it is removed */
  const removeLater = new Set<string>();
  const speeds = createUploadSpeeds(now, current);
  const frame = createFrameScheduler(flush);
  let quietUntil = 0;
  const writes = createWriteScheduler(frame, now, () => quietUntil);

  function current(id: string): UploadItem | undefined {
    if (removals.has(id) || removeLater.has(id)) return undefined;
    return pending.get(id) ?? $uploads.value?.[id];
  }

  /** One commit: a copy of the map with the changes, the tally moved by the changed items only,
   * and a new ID list only when the set of uploads changed. */
  function commit(changes: Iterable<[string, UploadItem]>, gone: Iterable<string> = []): void {
    const next = copyOf($uploads.get());
    const tally = copyTally($tally.get());
    const fresh: string[] = [];
    for (const [id, item] of changes) {
      const old = next[id];
      if (old) countItem(tally, old, -1);
      else fresh.push(id);
      countItem(tally, item, 1);
      run.change(id, old, item);
      next[id] = item;
    }
    const left = new Set<string>();
    for (const id of gone) {
      const old = next[id];
      if (!old) continue;
      countItem(tally, old, -1);
      run.leave(id);
      delete next[id];
      left.add(id);
    }
    if (fresh.length > 0 || left.size > 0) {
      let ids = $uploadIds.get().filter((id) => !left.has(id));
      const last = ids.length > 0 ? next[ids[ids.length - 1]!]!.addedAt : -Infinity;
      ids = ids.concat(fresh);
      // files picked now come after the rest; a mirror of an older upload from another tab is sorted in
      if (fresh.some((id) => next[id]!.addedAt < last)) ids.sort(byAddedAt(next));
      $uploadIds.set(ids);
    }
    $tally.set(tally);
    $run.set(copyTally(run.tally));
    $uploads.set(next);
  }

  /** One write: every listener hears it once, at the end (`$batch` is computed once, not once per
   * store it reads), and a costly one (synchronous listeners included) brings a quiet spell; a cheap
   * commit ends one, a cheap flush of nothing (a click's) leaves it as it was. */
  function write(changes: () => void, commits = true): void {
    const started = now();
    batch(changes);
    const cost = now() - started;
    if (cost > QUIET_ABOVE_MS) quietUntil = now() + Math.min(cost * QUIET_FACTOR, MAX_QUIET_MS);
    else if (commits) quietUntil = 0;
  }

  function flush(): void {
    frame.cancel();
    writes.cancel();
    const commits = pending.size > 0 || removals.size > 0;
    write(() => {
      if (commits) {
        const changes = [...pending];
        const gone = [...removals];
        pending.clear();
        removals.clear();
        commit(changes, gone);
      }
      speeds.measureBatch($tally.get(), $run.get());
    }, commits);
    if (removeLater.size > 0) {
      for (const id of removeLater) removals.add(id);
      removeLater.clear();
      writes.schedule();
    }
  }

  function dispatch(id: string, event: UploadEvent): DispatchResult | null {
    const previous = current(id);
    if (!previous) return null;
    const { item, accepted, late } = transition(previous, speeds.measured(id, previous, event));
    if (!accepted) {
      // a late report (progress after a pause, success after "ready") is expected, not news
      if (!late) devWarn(`${event.type} ignored in state ${previous.status}`, id);
      return null;
    }
    // a paused file resumes from its speed; a finished one needs none
    if (item.status !== 'uploading') speeds.settled(id, item);
    if (item !== previous) pending.set(id, item);
    // bytes moving alone are written on a timer (no frame asked for); any other change by the frame
    writes.schedule(event.type === 'UPLOAD.PROGRESS' && item.status === previous.status);
    return { previous, item };
  }

  return {
    $uploads,
    $uploadIds,
    $batch: computed([$tally, speeds.$batchSpeed, $run, speeds.$slowest], (tally, speed, run, slowest) =>
      withFileEta(summarize(tally, speed, run), slowest),
    ),
    get: current,
    add(items) {
      if (items.length === 0) return;
      flush();
      write(() => commit(items.map((item) => [item.operationId, item])));
    },
    dispatch,
    mirror(items) {
      for (const item of items) {
        const id = item.operationId;
        if (current(id)) {
          dispatch(id, { type: 'UPLOAD.MIRROR', item });
          continue;
        }
        // new here, or back before its removal was written
        removals.delete(id);
        removeLater.delete(id);
        pending.set(id, item);
      }
      writes.schedule();
    },
    remove(ids) {
      // removals wait for the frame too: items leaving one by one must not copy the map each time
      for (const id of ids) {
        speeds.forget(id);
        if (!(id in $uploads.get())) pending.delete(id);
        else if (pending.has(id)) removeLater.add(id);
        else removals.add(id);
      }
      if (removals.size > 0 || removeLater.size > 0) writes.schedule();
    },
    flush,
    destroy() {
      frame.cancel();
      writes.cancel();
      pending.clear();
      removals.clear();
      removeLater.clear();
      speeds.clear();
    },
  };
}
