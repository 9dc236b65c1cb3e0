// The list <media-library> shows: which query of the client's cache it watches (from `$view` and the
// page size), the next page asked for as the user scrolls near the end, and the listed files' total
// size summed once per list.
import type { LibraryState, MediaClient } from '@mediabay/core';
import type { ListParams, MediaFile } from '@mediabay/core/protocol';
import type { Subscribable } from '../shared/store-controller.js';
import { paramsFromView, paramsKey } from './view-params.js';

/** Items left below the viewport when the next page is asked for. */
const LOAD_AHEAD = 50;

export class LibraryListing {
  /** the watched query, for the library's StoreController */
  store?: Subscribable<LibraryState>;
  #key?: string;
  #client?: MediaClient;
  #params?: ListParams;
  /** index of the last item in view, from the virtualizer's visibilityChanged */
  #lastVisible = -1;
  /** a failed next page waits for the user to scroll again (no retry loop against a failing server) */
  #loadMoreFailed = false;
  #summed: { items?: readonly MediaFile[]; sum: number } = { sum: 0 };

  /** Watches the query of `client`'s view; true when the client changed (a new view to show). */
  sync(client: MediaClient | undefined, pageSize: number): boolean {
    if (!client) {
      this.store = undefined;
      return false;
    }
    const params = paramsFromView(client.$view.get(), pageSize);
    const key = paramsKey(params);
    const newClient = client !== this.#client;
    if (key !== this.#key || newClient) {
      this.store = client.library.watch(params);
      this.#key = key;
      this.#client = client;
      this.#params = params;
      this.#lastVisible = -1;
      this.#loadMoreFailed = false;
    }
    return newClient;
  }

  /** The virtualizer shows up to `last`: the user scrolled, so a failed page may be asked again. */
  visible(last: number): void {
    this.#lastVisible = last;
    this.#loadMoreFailed = false;
  }

  /** Asks for the next page when the view is near the end of what is loaded. */
  loadMoreIfNearEnd(state: LibraryState | undefined, pageSize: number, onError: () => void): void {
    const client = this.#client;
    if (!client || !state?.hasMore || state.loadingMore || this.#loadMoreFailed || this.#lastVisible < 0)
      return;
    const ahead = Math.min(LOAD_AHEAD, Math.ceil(pageSize / 2));
    if (this.#lastVisible < state.items.length - ahead) return;
    client.library.loadMore(this.#params).catch(() => {
      this.#loadMoreFailed = true;
      onError();
    });
  }

  /** the size of the listed files, summed once per list (a render per frame of a batch of 10,000) */
  bytesOf(items: readonly MediaFile[]): number {
    if (items !== this.#summed.items) {
      let sum = 0;
      for (const file of items) sum += file.size;
      this.#summed = { items, sum };
    }
    return this.#summed.sum;
  }
}
