// FIFO scheduler with a concurrency limit. It only knows ids: the manager decides what "start" means.

export interface UploadQueue {
  /** waits for a slot; `front` for work the user already started (resume, retry) */
  enqueue(id: string, options?: { front?: boolean }): void;
  /** takes the id out of the queue or frees its slot (finished, paused, canceled, failed) */
  release(id: string): void;
  setConcurrency(limit: number): void;
  readonly concurrency: number;
  readonly running: ReadonlySet<string>;
  readonly waiting: readonly string[];
}

export function createQueue(options: { concurrency?: number; start: (id: string) => void }): UploadQueue {
  let limit = normalise(options.concurrency ?? 3);
  // A Set keeps insertion order (FIFO) and removes in O(1); `front` rebuilds it, which is rare.
  let waiting = new Set<string>();
  const running = new Set<string>();
  let pumping = false;

  function pump(): void {
    // start() may synchronously release or enqueue (an upload that fails at once): no re-entry
    if (pumping) return;
    pumping = true;
    try {
      while (running.size < limit && waiting.size > 0) {
        const id = waiting.values().next().value as string;
        waiting.delete(id);
        running.add(id);
        options.start(id);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    enqueue(id, { front = false } = {}) {
      if (running.has(id) || (waiting.has(id) && !front)) return;
      if (front) {
        waiting.delete(id);
        waiting = new Set([id, ...waiting]);
      } else {
        waiting.add(id);
      }
      pump();
    },
    release(id) {
      waiting.delete(id);
      if (running.delete(id)) pump();
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
      return [...waiting];
    },
  };
}

function normalise(limit: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : 1;
}
