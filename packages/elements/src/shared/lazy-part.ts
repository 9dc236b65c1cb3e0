// Parts of an element that the first paint does not need (the upload panel, the preview, dialogs, the
// virtualizer, ...) live in modules of their own, imported on first use and prefetched when the page
// is idle after the element first showed, so that first use does not wait for the network.
// `lazyModule` is one such module for the whole page; `LazyParts` is an element's view of them: it
// renders again when one arrives, and its `settled()` lets `updateComplete` wait for those in flight,
// so `el.openItem(file); await el.updateComplete` still finds the preview open.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefetchOnIdle } from './idle-prefetch.js';

export interface LazyModule<T> {
  /** the module once it has loaded */
  readonly value: T | undefined;
  /** imports it (once per page; a failed import is forgotten, so the next use tries again) */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  const module: { value: T | undefined; load(): Promise<T> } = {
    value: undefined,
    load() {
      loading ??= importer().then(
        (loaded) => (module.value = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
  return module;
}

export class LazyParts implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #prefetch: LazyModule<unknown>[] = [];
  readonly #pending = new Set<Promise<unknown>>();
  /** modules whose import failed: a render does not ask again; the user's next use does, and so does
   * the browser coming back online */
  readonly #failed = new Set<LazyModule<unknown>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Fetches `modules` once the page is idle after the host connected. */
  prefetch(...modules: LazyModule<unknown>[]): void {
    this.#prefetch.push(...modules);
  }

  hostConnected(): void {
    prefetchOnIdle(...this.#prefetch.map((module) => module.load));
    addEventListener('online', this.#retry);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#retry);
  }

  #retry = (): void => {
    for (const module of [...this.#failed]) void this.load(module).catch(() => {});
  };

  /** The module if loaded; else starts loading it and renders again once it is there. */
  use<T>(module: LazyModule<T>): T | undefined {
    if (module.value === undefined && !this.#failed.has(module)) void this.load(module).catch(() => {});
    return module.value;
  }

  /** Loads the module (now, not on idle) and resolves with it. */
  load<T>(module: LazyModule<T>): Promise<T> {
    this.#failed.delete(module);
    const loading = module.load();
    loading.catch(() => this.#failed.add(module));
    return this.track(loading);
  }

  /** Counts `work` (a load, or what runs after it) as in flight until it ends, then renders again. */
  track<T>(work: Promise<T>): Promise<T> {
    if (this.#pending.has(work)) return work;
    this.#pending.add(work);
    const done = () => {
      this.#pending.delete(work);
      this.#host.requestUpdate();
    };
    work.then(done, done);
    return work;
  }

  get busy(): boolean {
    return this.#pending.size > 0;
  }

  /** Resolves once no load or tracked work is in flight (a failed one counts as ended). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}

/** A controller made from a lazy module on first use, one per host (the preview, the Activity view). */
export class LazyController<M, C> {
  readonly #parts: LazyParts;
  readonly #module: LazyModule<M>;
  readonly #create: (module: M) => C;
  #value: C | undefined;

  constructor(parts: LazyParts, module: LazyModule<M>, create: (module: M) => C) {
    this.#parts = parts;
    this.#module = module;
    this.#create = create;
  }

  /** the controller, once its module has loaded (made on the first read after that) */
  get value(): C | undefined {
    if (this.#value === undefined && this.#module.value !== undefined)
      this.#value = this.#create(this.#module.value);
    return this.#value;
  }

  /**
   * Runs `action` on the controller once its module has loaded (at once when it has); the host's
   * `updateComplete` waits for it, so what the action renders is there when that resolves.
   */
  run<R>(action: (controller: C) => R): Promise<R> {
    return this.#parts.track(this.#parts.load(this.#module).then(() => action(this.value!)));
  }
}
