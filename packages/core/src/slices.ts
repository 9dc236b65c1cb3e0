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

export function createSliceQueue(budgetMs = 8): SliceQueue {
  const jobs: (() => void)[] = [];
  let head = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
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
    if (head < jobs.length) timer = setTimeout(tick, 0);
  }

  return {
    push(job) {
      jobs.push(job);
      timer ??= setTimeout(tick, 0);
    },
    drain() {
      if (timer) clearTimeout(timer);
      timer = null;
      run(Infinity);
    },
    clear() {
      if (timer) clearTimeout(timer);
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
