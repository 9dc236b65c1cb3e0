// Work too big for one task (10,000 lock requests, IndexedDB writes or tab messages after a drop) is
// run in slices of a few milliseconds between tasks, in the order it was queued, so adding a large
// batch never freezes the page. A queue can be drained at once where order matters more (closing).

export interface SliceQueue {
  push(job: () => void): void;
  /** runs every queued job now */
  drain(): void;
  /** forgets queued jobs */
  clear(): void;
  readonly size: number;
}

/**
 * The next task, soon. In a page, a MessageChannel message: Chromium holds timers of a hidden tab to
 * one per second, which would stretch a tab's 40 message slices over 40 s. Elsewhere (Node), a timer.
 */
function nextTask(fn: () => void): { cancel(): void } {
  if (typeof document === 'undefined' || typeof MessageChannel === 'undefined') {
    const timer = setTimeout(fn, 0);
    return { cancel: () => clearTimeout(timer) };
  }
  const channel = new MessageChannel();
  let live = true;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (live) fn();
  };
  channel.port2.postMessage(null);
  return {
    cancel() {
      live = false;
      channel.port1.close();
    },
  };
}

export function createSliceQueue(budgetMs = 8): SliceQueue {
  const jobs: (() => void)[] = [];
  let head = 0;
  let timer: { cancel(): void } | null = null;
  const clock = () => (globalThis.performance ? performance.now() : Date.now());

  function run(until: number): void {
    while (head < jobs.length && clock() < until) {
      const job = jobs[head]!;
      jobs[head++] = noop; // let the closure go
      job();
    }
    if (head === jobs.length) {
      jobs.length = 0;
      head = 0;
    }
  }

  function tick(): void {
    timer = null;
    run(clock() + budgetMs);
    if (head < jobs.length) timer = nextTask(tick);
  }

  return {
    push(job) {
      jobs.push(job);
      timer ??= nextTask(tick);
    },
    drain() {
      timer?.cancel();
      timer = null;
      run(Infinity);
    },
    clear() {
      timer?.cancel();
      timer = null;
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
