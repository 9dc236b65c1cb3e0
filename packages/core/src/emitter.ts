// A tiny typed observer: `on(type, fn)` returns its own unsubscribe; a throwing listener cannot
// stop the others.

export interface Emitter<M extends Record<string, unknown>> {
  on<K extends keyof M>(type: K, fn: (event: M[K]) => void): () => void;
  emit<K extends keyof M>(type: K, event: M[K]): void;
  /** whether anyone listens to `type` (an event nobody hears need not be made) */
  has(type: keyof M): boolean;
  /** number of listeners, for leak checks */
  readonly size: number;
  clear(): void;
}

export function createEmitter<M extends Record<string, unknown>>(): Emitter<M> {
  const listeners = new Map<keyof M, Set<(event: never) => void>>();
  return {
    on(type, fn) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0 && listeners.get(type) === set) listeners.delete(type);
      };
    },
    emit(type, event) {
      const set = listeners.get(type);
      if (!set) return;
      for (const fn of [...set]) {
        try {
          (fn as (event: M[typeof type]) => void)(event);
        } catch (error) {
          // a broken listener must not take the upload engine down with it
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    has: (type) => listeners.has(type),
    get size() {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
    clear() {
      listeners.clear();
    },
  };
}
