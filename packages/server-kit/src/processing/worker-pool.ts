// A bounded fair pool: at most `concurrency` jobs run at once, and queued jobs are taken in turn from
// each key (a tenant) that has some, FIFO within a key, so one key's backlog cannot hold the others'.
// `idle()` waits for the queue to drain.
export interface WorkerPool<T> {
  push(item: T, key?: string): void;
  readonly size: number;
  idle(): Promise<void>;
  /** Stops taking queued items; resolves when running jobs end. */
  close(): Promise<void>;
}

export function createWorkerPool<T>(concurrency: number, run: (item: T) => Promise<void>): WorkerPool<T> {
  // keys with queued items, in turn order; each key's items in arrival order
  const turns: string[] = [];
  const queues = new Map<string, T[]>();
  let queued = 0;
  let running = 0;
  let closed = false;
  let waiters: (() => void)[] = [];

  function settle(): void {
    if (running === 0 && (queued === 0 || closed)) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  function take(): T {
    const key = turns.shift() as string;
    const items = queues.get(key) as T[];
    const item = items.shift() as T;
    if (items.length > 0) turns.push(key);
    else queues.delete(key);
    queued -= 1;
    return item;
  }

  function pump(): void {
    while (!closed && running < concurrency && queued > 0) {
      const item = take();
      running += 1;
      run(item)
        .catch((error: unknown) => console.error('[mediabay] job failed', error))
        .finally(() => {
          running -= 1;
          pump();
          settle();
        });
    }
  }

  return {
    push(item, key = '') {
      if (closed) return;
      const items = queues.get(key);
      if (items) items.push(item);
      else {
        queues.set(key, [item]);
        turns.push(key);
      }
      queued += 1;
      pump();
    },
    get size() {
      return queued + running;
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    close() {
      closed = true;
      turns.length = 0;
      queues.clear();
      queued = 0;
      return this.idle();
    },
  };
}
