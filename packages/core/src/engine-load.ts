// Loading the client's engine (engine.ts, one dynamic import) from the moment the client is made:
// what waits for it, and loading it again after a failed load (offline): when something needs it,
// when the browser is back online, and by itself with backoff (files added meanwhile wait as queued).
import { backoffDelay } from './backoff.js';
import type { Engine } from './engine.js';

export interface EngineLoad {
  /** null until the engine is there */
  readonly current: Engine | null;
  /** the engine, loading it (again) if needed; rejects if the load fails or the client was destroyed first */
  loaded(): Promise<Engine>;
  /** resolves when the engine is there, whenever that is (after a failed load too); never rejects */
  readonly arrived: Promise<Engine>;
  /** no engine is started after this; what waits for one is told so */
  close(): void;
}

/** `start` loads the engine's module and resolves with what starts it */
export function loadEngine(start: () => Promise<() => Engine>): EngineLoad {
  let current: Engine | null = null;
  let loading: Promise<Engine> | null = null;
  let closed = false;
  let arrive: (engine: Engine) => void = () => {};
  const arrived = new Promise<Engine>((resolve) => (arrive = resolve));
  const destroyed = () => new Error('The client was destroyed before its engine loaded.');
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const again = () => void loaded().catch(() => {});

  function stopRetrying(): void {
    clearTimeout(retry);
    retry = undefined;
    globalThis.removeEventListener?.('online', again);
  }

  function loaded(): Promise<Engine> {
    if (current) return Promise.resolve(current);
    if (closed) return Promise.reject(destroyed());
    loading ??= start().then(
      (startEngine) => {
        if (closed) throw destroyed();
        const engine = startEngine();
        current = engine;
        stopRetrying();
        engine.takeOver();
        arrive(engine);
        return engine;
      },
      (error: unknown) => {
        loading = null; // the next caller tries again, and so does a timer or going online
        if (!closed && retry === undefined) {
          retry = setTimeout(() => {
            retry = undefined;
            again();
          }, backoffDelay(failures++));
          globalThis.addEventListener?.('online', again, { once: true });
        }
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
    arrived,
    close() {
      closed = true;
      stopRetrying();
    },
  };
}
