// FIFO scheduler with a concurrency limit. It only knows ids: the manager decides what "start" means.

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

export function createQueue(options: { concurrency?: number; start: (id: string) => void }): UploadQueue {
  let limit = normalise(options.concurrency ?? 3);
  // Sets keep insertion order (FIFO) and remove in O(1). Work the user asked for (resume, retry)
  // waits in `first`, ahead of the rest, in the order asked: Resume all over 10,000 stays O(N).
  const first = new Set<string>();
  const waiting = new Set<string>();
  const running = new Set<string>();
  let pumping = false;
  let held = 0;

  function pump(): void {
    // start() may synchronously release or enqueue (an upload that fails at once): no re-entry
    if (pumping || held > 0) return;
    pumping = true;
    try {
      while (running.size < limit && first.size + waiting.size > 0) {
        const from = first.size > 0 ? first : waiting;
        const id = from.values().next().value as string;
        from.delete(id);
        running.add(id);
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
      if (running.delete(id)) pump();
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
    running,
    get waiting() {
      return [...first, ...waiting];
    },
  };
}

function normalise(limit: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : 1;
}
