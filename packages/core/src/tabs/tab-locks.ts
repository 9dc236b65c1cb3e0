// The Web Locks of the uploads a tab drives: one lock per upload, held until the upload ends or the
// tab goes away, and the queue of the other tabs waiting on it (granted means the driver is gone).
export interface TabLocks {
  /** asks for the lock; `keep` decides once it is granted (false lets it go at once) */
  take(id: string, ifAvailable: boolean, keep: () => boolean, granted: () => void): Promise<boolean>;
  /** waits for the lock behind the driving tab (once) */
  follow(id: string, keep: () => boolean, granted: () => void): void;
  holds(id: string): boolean;
  release(id: string): void;
  stopWaiting(id: string): void;
  close(): void;
}

export function createTabLocks(locks: LockManager, name: (id: string) => string): TabLocks {
  /** releases of the locks this tab holds */
  const held = new Map<string, () => void>();
  const waiting = new Map<string, AbortController>();

  /** the lock's callback: held (until released) when `keep` says so */
  function holder(id: string, keep: () => boolean, granted: () => void) {
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    return (lock: Lock | null): Promise<void> | undefined => {
      if (!lock || !keep()) return undefined;
      held.set(id, release);
      granted();
      return released;
    };
  }

  return {
    take(id, ifAvailable, keep, granted) {
      return new Promise((resolve) => {
        const hold = holder(id, keep, () => {
          granted();
          resolve(true);
        });
        void locks
          .request(name(id), { ifAvailable }, (lock) => {
            const result = hold(lock);
            if (!result) resolve(false);
            return result;
          })
          .catch(() => resolve(false));
      });
    },
    follow(id, keep, granted) {
      if (waiting.has(id) || held.has(id)) return;
      const controller = new AbortController();
      waiting.set(id, controller);
      const hold = holder(id, keep, granted);
      void locks
        .request(name(id), { signal: controller.signal }, (lock) => {
          waiting.delete(id);
          return hold(lock);
        })
        .catch(() => waiting.delete(id));
    },
    holds: (id) => held.has(id),
    release(id) {
      held.get(id)?.();
      held.delete(id);
    },
    stopWaiting(id) {
      waiting.get(id)?.abort();
      waiting.delete(id);
    },
    close() {
      for (const controller of waiting.values()) controller.abort();
      for (const release of held.values()) release();
      waiting.clear();
      held.clear();
    },
  };
}
