// A bounded FIFO pool: at most `concurrency` jobs run at once; `idle()` waits for the queue to drain.
export interface WorkerPool<T> {
  push(item: T): void;
  readonly size: number;
  idle(): Promise<void>;
  /** Stops taking queued items; resolves when running jobs end. */
  close(): Promise<void>;
}

export function createWorkerPool<T>(concurrency: number, run: (item: T) => Promise<void>): WorkerPool<T> {
  const queue: T[] = [];
  let running = 0;
  let closed = false;
  let waiters: (() => void)[] = [];

  function settle(): void {
    if (running === 0 && (queue.length === 0 || closed)) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  function pump(): void {
    while (!closed && running < concurrency && queue.length > 0) {
      const item = queue.shift() as T;
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
    push(item) {
      if (closed) return;
      queue.push(item);
      pump();
    },
    get size() {
      return queue.length + running;
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    close() {
      closed = true;
      queue.length = 0;
      return this.idle();
    },
  };
}
