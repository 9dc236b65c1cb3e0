// FIFO scheduler with a concurrency limit. It only knows ids: the manager decides what "start" means.
// An upload may take less than a whole slot (`share`): many small files, one short request each, run
// side by side where a few large ones would fill the connection.

export interface UploadQueue {
  /** waits for a slot; `front` for work the user already started (resume, retry) */
  enqueue(id: string, options?: { front?: boolean }): void;
  /** takes the id out of the queue or frees its slot (finished, paused, canceled, failed) */
  release(id: string): void;
  setConcurrency(limit: number): void;
  /** runs `fn` without starting anything, then fills the free slots once: Cancel all over a queue
   * must not start (and send) the next upload each time it frees a slot */
  hold(fn: () => void): void;
  readonly concurrency: number;
  readonly running: ReadonlySet<string>;
  readonly waiting: readonly string[];
}

export interface QueueOptions {
  concurrency?: number;
  start: (id: string) => void;
  /** the part of a slot `id` takes while it runs, in (0, 1]; 1 when absent. Use powers of two
   * (1/2, 1/4) so the sums stay exact. */
  share?: (id: string) => number;
}

export function createQueue(options: QueueOptions): UploadQueue {
  let limit = normalise(options.concurrency ?? 3);
  const shareOf = (id: string) => Math.min(1, Math.max(options.share?.(id) ?? 1, 1 / 64));
  // Sets keep insertion order (FIFO) and remove in O(1). Work the user asked for (resume, retry)
  // waits in `first`, ahead of the rest, in the order asked: Resume all over 10,000 stays O(N).
  const first = new Set<string>();
  const waiting = new Set<string>();
  /** running ids and the share each took when it started */
  const running = new Map<string, number>();
  let load = 0;
  let pumping = false;
  let held = 0;

  function pump(): void {
    // start() may synchronously release or enqueue (an upload that fails at once): no re-entry
    if (pumping || held > 0) return;
    pumping = true;
    try {
      while (load < limit && first.size + waiting.size > 0) {
        const from = first.size > 0 ? first : waiting;
        const id = from.values().next().value as string;
        const share = shareOf(id);
        // FIFO: the next one waits for room rather than being overtaken by smaller ones behind it
        if (load + share > limit) break;
        from.delete(id);
        running.set(id, share);
        load += share;
        options.start(id);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    enqueue(id, { front = false } = {}) {
      if (running.has(id) || first.has(id) || (waiting.has(id) && !front)) return;
      if (front) {
        waiting.delete(id);
        first.add(id);
      } else {
        waiting.add(id);
      }
      pump();
    },
    release(id) {
      first.delete(id);
      waiting.delete(id);
      const share = running.get(id);
      if (share === undefined) return;
      running.delete(id);
      load = running.size === 0 ? 0 : load - share;
      pump();
    },
    hold(fn) {
      held++;
      try {
        fn();
      } finally {
        held--;
        pump();
      }
    },
    setConcurrency(next) {
      limit = normalise(next);
      // lowering the limit lets running uploads finish; raising it starts waiting ones at once
      pump();
    },
    get concurrency() {
      return limit;
    },
    get running(): ReadonlySet<string> {
      return new Set(running.keys());
    },
    get waiting() {
      return [...first, ...waiting];
    },
  };
}

function normalise(limit: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : 1;
}
