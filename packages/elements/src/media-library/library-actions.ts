// What the library's buttons do, on the client's public API: debounced search and reloading at once;
// what a selection is for (bulk delete and tag, the Trash view's restore and purge) loads after first
// paint (bulk-actions.ts) and runs once it is there. `$me` decides what is offered; a 403 still ends in
// a clear toast.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MEDIA_FILES_KEY, mayDelete, mayTag, type MediaClient, type MeState } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import type { Asker } from '../shared/dialog-controller.js';
import type { LazyParts } from '../shared/lazy-part.js';
import type { ToastAction } from '../shared/toasts.js';
import type * as Bulk from './bulk-actions.js';
import { bulkModule } from './lazy-modules.js';

export interface ActionsHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
  readonly items: MediaFile[];
  readonly selectedIds: string[];
  /** what the server lets the user do (unknown: everything, the server decides) */
  readonly meState: MeState;
  notify(message: string, tone: 'success' | 'error', action?: ToastAction): void;
}

const SEARCH_DELAY = 250;

export class LibraryActions implements ReactiveController {
  /** ids fading out before their delete is sent */
  leaving: ReadonlySet<string> = new Set();
  #host: ActionsHost;
  #dialog: Asker;
  #strings: () => MediabayStrings;
  #lazy: LazyParts;
  #searchTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ActionsHost, dialog: Asker, strings: () => MediabayStrings, lazy: LazyParts) {
    this.#host = host;
    this.#dialog = dialog;
    this.#strings = strings;
    this.#lazy = lazy;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
  }

  search(q: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#host.client?.setView({ q }), SEARCH_DELAY);
  }

  reload(): void {
    const client = this.#host.client;
    // the query cache comes with the client's engine, which loads right after the client is made
    void client?.ready.then(() => client.queryClient.refetchQueries({ queryKey: [MEDIA_FILES_KEY] }));
  }

  /** The selected files as listed (optimistic entries of uploads in flight are not files yet). */
  #selectedFiles(): MediaFile[] {
    const ids = new Set(this.#host.selectedIds);
    return this.#host.items.filter((file) => ids.has(file.id) && file.id !== file.operationId);
  }

  /** Whether the toolbar offers tag / delete for the current selection. */
  offers(): { tag: boolean; delete: boolean } {
    const files = this.#selectedFiles();
    const me = this.#host.meState;
    return { tag: files.every((f) => mayTag(me, f)), delete: files.every((f) => mayDelete(me, f)) };
  }

  /** Asks, then deletes the selection (purges it in the Trash view). */
  deleteSelected(): Promise<void> {
    return this.#bulk((bulk, context) => bulk.deleteSelected(context));
  }

  /** Asks for a tag, then adds it to the selected files. */
  tagSelected(): Promise<void> {
    return this.#bulk((bulk, context) => bulk.tagSelected(context));
  }

  /** Trash view: brings the selection back to the library. */
  restoreSelected(): Promise<void> {
    return this.#bulk((bulk, context) => bulk.restoreSelected(context.host, context.t));
  }

  /** Runs a bulk action once its module is there; offline, a toast says it could not load. */
  #bulk(action: (bulk: typeof Bulk, context: Bulk.BulkContext) => Promise<void>) {
    const t = this.#strings();
    const context: Bulk.BulkContext = {
      host: this.#host,
      dialog: this.#dialog,
      t,
      selectedFiles: () => this.#selectedFiles(),
      offers: () => this.offers(),
      setLeaving: (ids) => {
        this.leaving = ids;
        this.#host.requestUpdate();
      },
    };
    return this.#lazy.load(bulkModule).then(
      (bulk) => action(bulk, context),
      () => this.#host.notify(t.loadError, 'error'),
    );
  }
}
