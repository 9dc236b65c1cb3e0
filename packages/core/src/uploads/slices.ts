// Work too big for one task (10,000 lock requests, IndexedDB writes or tab messages after a drop) is
// run in slices of a few milliseconds between tasks, in the order it was queued, so adding a large
// batch never freezes the page. A queue can be drained at once where order matters more (closing).

export interface SliceQueue {
  /** `share`: the part of a slice the job's work takes besides its own time, in (0, 1]: a slice ends
   * once its jobs' shares reach 1 (work whose cost comes later, as the answers of many lock requests
   * sent at once that would all be handled in one task) */
  push(job: () => void, share?: number): void;
  /** runs every queued job now */
  drain(): void;
  /** forgets queued jobs */
  clear(): void;
  readonly size: number;
}

/**
 * Runs `fn` in a later task, once however often it is asked before then. In a page through one
 * MessageChannel: Chromium holds timers of a hidden tab to one per second, which would stretch a
 * tab's 40 message slices over 40 s. Elsewhere (Node), a timer.
 */
function laterTask(fn: () => void): { schedule(): void; cancel(): void } {
  let pending = false;
  const run = () => {
    if (!pending) return; // canceled since
    pending = false;
    fn();
  };
  if (typeof document === 'undefined' || typeof MessageChannel === 'undefined') {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
      schedule() {
        if (pending) return;
        pending = true;
        timer = setTimeout(run, 0);
      },
      cancel() {
        pending = false;
        clearTimeout(timer);
      },
    };
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = run;
  return {
    schedule() {
      if (pending) return;
      pending = true;
      channel.port2.postMessage(null);
    },
    cancel: () => (pending = false),
  };
}

export function createSliceQueue(budgetMs = 8): SliceQueue {
  const jobs: (() => void)[] = [];
  /** shares of the jobs that have one, by the job */
  const shares = new Map<() => void, number>();
  let head = 0;
  const later = laterTask(tick);
  const clock = () => (globalThis.performance ? performance.now() : Date.now());

  function run(until: number, load = 0): void {
    while (head < jobs.length && clock() < until && load < 1) {
      const job = jobs[head]!;
      jobs[head++] = noop; // let the closure go
      if (until !== Infinity) load += shares.get(job) ?? 0;
      shares.delete(job);
      job();
    }
    if (head === jobs.length) {
      jobs.length = 0;
      head = 0;
    }
  }

  function tick(): void {
    run(clock() + budgetMs);
    if (head < jobs.length) later.schedule();
  }

  return {
    push(job, share) {
      jobs.push(job);
      if (share) shares.set(job, share);
      later.schedule();
    },
    drain() {
      later.cancel();
      run(Infinity);
    },
    clear() {
      later.cancel();
      shares.clear();
      jobs.length = 0;
      head = 0;
    },
    get size() {
      return jobs.length - head;
    },
  };
}

const noop = () => {};

/** Splits work over a list into jobs of `size` items each. */
export function pushChunks<T>(
  queue: SliceQueue,
  items: readonly T[],
  size: number,
  job: (chunk: T[]) => void,
): void {
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    queue.push(() => job(chunk));
  }
}
