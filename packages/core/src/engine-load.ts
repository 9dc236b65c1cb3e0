// Loading the client's engine (engine.ts, one dynamic import) from the moment the client is made:
// what waits for it, and loading it again after a failed load (offline) when something needs it.
import type { Engine } from './engine.js';

export interface EngineLoad {
  /** null until the engine is there */
  readonly current: Engine | null;
  /** the engine, loading it (again) if needed; rejects if the load fails or the client was destroyed first */
  loaded(): Promise<Engine>;
  /** no engine is started after this; what waits for one is told so */
  close(): void;
}

/** `start` loads the engine's module and resolves with what starts it */
export function loadEngine(start: () => Promise<() => Engine>): EngineLoad {
  let current: Engine | null = null;
  let loading: Promise<Engine> | null = null;
  let closed = false;
  const destroyed = () => new Error('The client was destroyed before its engine loaded.');

  function loaded(): Promise<Engine> {
    if (current) return Promise.resolve(current);
    if (closed) return Promise.reject(destroyed());
    loading ??= start().then(
      (startEngine) => {
        if (closed) throw destroyed();
        const engine = startEngine();
        current = engine;
        engine.takeOver();
        return engine;
      },
      (error: unknown) => {
        loading = null; // the next caller tries again
        throw error;
      },
    );
    return loading;
  }

  return {
    get current() {
      return current;
    },
    loaded,
    close() {
      closed = true;
    },
  };
}
