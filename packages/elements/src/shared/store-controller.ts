// A ReactiveController that keeps a host element subscribed to one nanostores store and re-renders it
// on change. The store comes from a getter, so a host whose `client` changes simply re-subscribes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of a nanostores store (atom, map, computed) this controller relies on. */
export interface Subscribable<T> {
  get(): T;
  listen(listener: (value: T) => void): () => void;
}

export class StoreController<T> implements ReactiveController {
  #getStore: () => Subscribable<T> | undefined;
  #store: Subscribable<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  #onChange: () => void;

  /**
   * @param getStore returns the store to follow now; read again before every host update.
   * @param onChange what a change does; by default the host renders again (a host that renders only
   *   a part of itself for this store says so here)
   */
  constructor(
    host: ReactiveControllerHost,
    getStore: () => Subscribable<T> | undefined,
    onChange?: () => void,
  ) {
    this.#getStore = getStore;
    this.#onChange = onChange ?? (() => host.requestUpdate());
    host.addController(this);
  }

  /** The store's current value, or undefined while there is no store. */
  get value(): T | undefined {
    return this.#store?.get();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#getStore());
  }

  hostUpdate(): void {
    // Picks up a store swap (new client, new query params) before the host renders.
    if (this.#connected) this.#follow(this.#getStore());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  #follow(store: Subscribable<T> | undefined): void {
    if (store === this.#store && (store === undefined || this.#unsubscribe)) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    // listen() (not subscribe()) because the host renders the current value itself; an update is
    // requested only when the value really changes. nanostores already batches per tick.
    if (store) this.#unsubscribe = store.listen(() => this.#onChange());
  }
}
