// A store seen at a pace a person can read. The client's stores take every progress event (and write
// once per frame); an element that re-rendered each write would lay out and paint ~30-60 times a
// second for the whole of a long upload. A paced view tells its listeners at most every `intervalMs`
// (the last value at the end of each spell, never lost), but at once when the change is one a person
// acts on (a status, a failure, a new upload): only progress waits.
import { PROGRESS_WRITE_MS, UPLOAD_STATES, type BatchState, type UploadItem } from '@mediabay/core';
import type { Subscribable } from './store-controller.js';

/**
 * The pace core writes progress at (2 Hz): the text a round changes (bytes, percent, seconds left) is
 * not read faster, and each round is a render and a frame (style, layout, paint, commit) for as long
 * as the upload lasts (docs/decisions.md, "Progress twice a second").
 */
export const PACE_MS = PROGRESS_WRITE_MS;

export interface PaceOptions<T> {
  intervalMs?: number;
  /** whether going from what listeners last saw to `next` must be shown now */
  urgent?: (shown: T, next: T) => boolean;
  now?: () => number;
}

/** the paced views with a change still waiting: when one shows its change, they all do, so the
 * elements that follow them (the panel's rows and header, the library's cards) render in one frame */
const waiting = new Set<() => void>();
let flushing = false;

function showAll(): void {
  if (flushing) return;
  flushing = true;
  try {
    for (const show of [...waiting]) show();
  } finally {
    flushing = false;
  }
}

export function pacedStore<T>(source: Subscribable<T>, options: PaceOptions<T> = {}): Subscribable<T> {
  const interval = options.intervalMs ?? PACE_MS;
  const now = options.now ?? (() => performance.now());
  const listeners = new Set<(value: T) => void>();
  let shown = source.get();
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let off: (() => void) | null = null;

  function show(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    waiting.delete(show);
    const next = source.get();
    if (next === shown) return;
    shown = next;
    shownAt = now();
    for (const listener of [...listeners]) listener(shown);
  }

  function emit(): void {
    show();
    showAll();
  }

  function onChange(next: T): void {
    if (next === shown) return;
    const wait = shownAt + interval - now();
    if (wait <= 0 || options.urgent?.(shown, next)) return emit();
    waiting.add(show);
    timer ??= setTimeout(emit, wait);
  }

  return {
    get: () => (off ? shown : source.get()),
    listen(listener) {
      if (!off) {
        shown = source.get();
        off = source.listen(onChange);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !off) return;
        off();
        off = null;
        if (timer) clearTimeout(timer);
        timer = null;
        waiting.delete(show);
      };
    },
  };
}

/** A change a person acts on: an upload came, or one changed status, started or stopped waiting,
 * failed differently, or its processing moved to another stage. Progress alone is not. */
export function uploadsUrgent(
  shown: Readonly<Record<string, UploadItem>>,
  next: Readonly<Record<string, UploadItem>>,
): boolean {
  for (const id in next) {
    const before = shown[id];
    const after = next[id]!;
    if (before === after) continue;
    if (
      !before ||
      before.status !== after.status ||
      before.waiting?.reason !== after.waiting?.reason ||
      before.waiting?.retryAt !== after.waiting?.retryAt ||
      before.error !== after.error ||
      before.waitingForFile !== after.waitingForFile ||
      before.processing?.stage !== after.processing?.stage
    )
      return true;
  }
  // a removal is seen through `$uploadIds`, which is not paced
  return false;
}

/** The batch's counts and totals change at once; its bytes, progress, speed and time left are paced. */
export function batchUrgent(shown: BatchState, next: BatchState): boolean {
  if (
    shown.active !== next.active ||
    shown.batchTotal !== next.batchTotal ||
    shown.batchDone !== next.batchDone ||
    shown.batchFailed !== next.batchFailed ||
    shown.total !== next.total
  )
    return true;
  return UPLOAD_STATES.some((status) => shown.counts[status] !== next.counts[status]);
}

const views = new WeakMap<object, Subscribable<unknown>>();

/** One paced view per store, shared by every element of the page: they render in the same tick. */
export function paced<T>(
  source: Subscribable<T> | undefined,
  urgent: (shown: T, next: T) => boolean,
): Subscribable<T> | undefined {
  if (!source) return undefined;
  let view = views.get(source) as Subscribable<T> | undefined;
  if (!view) {
    view = pacedStore(source, { urgent });
    views.set(source, view as Subscribable<unknown>);
  }
  return view;
}
