// What the library's buttons do, on the client's public API: debounced search, bulk delete behind
// a confirmation with a fade-out (core rolls back if the server refuses), tagging, reloading.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MEDIA_FILES_KEY, type MediaClient } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import type { DialogController } from '../shared/dialog-controller.js';

export interface ActionsHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
  readonly items: MediaFile[];
  readonly selectedIds: string[];
  notify(message: string, tone: 'success' | 'error'): void;
}

const SEARCH_DELAY = 250;

/** How long the fade-out of deleted items lasts (none when the user asks for less motion). */
function fadeDuration(): number {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 200;
}

export class LibraryActions implements ReactiveController {
  /** ids fading out before their delete is sent */
  leaving: ReadonlySet<string> = new Set();
  #host: ActionsHost;
  #dialog: DialogController;
  #strings: () => MediabayStrings;
  #searchTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ActionsHost, dialog: DialogController, strings: () => MediabayStrings) {
    this.#host = host;
    this.#dialog = dialog;
    this.#strings = strings;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
  }

  search(q: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#host.client?.$view.setKey('q', q), SEARCH_DELAY);
  }

  reload(): void {
    void this.#host.client?.queryClient.refetchQueries({ queryKey: [MEDIA_FILES_KEY] });
  }

  async deleteSelected(): Promise<void> {
    const client = this.#host.client;
    const ids = this.#host.selectedIds;
    if (!client || ids.length === 0) return;
    const t = this.#strings();
    const answer = await this.#dialog.ask({
      title: t.confirmDeleteTitle(ids.length),
      body: t.confirmDeleteBody,
      confirmLabel: t.confirmDelete,
      cancelLabel: t.confirmCancel,
      danger: true,
    });
    if (!answer.ok) return;
    const proceed = this.#host.dispatchEvent(
      new CustomEvent('mb-delete', { detail: { ids }, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) return;
    this.leaving = new Set(ids);
    this.#host.requestUpdate();
    await new Promise((resolve) => setTimeout(resolve, fadeDuration()));
    let ok = true;
    let error: string | undefined;
    try {
      await client.library.remove(ids);
      client.selection.clear();
      this.#host.notify(t.deleted(ids.length), 'success');
    } catch (reason) {
      ok = false;
      error = reason instanceof Error ? reason.message : String(reason);
      this.#host.notify(t.deleteFailed, 'error');
    } finally {
      this.leaving = new Set();
      this.#host.requestUpdate();
    }
    this.#host.dispatchEvent(
      new CustomEvent('mb-deleted', { detail: { ids, ok, error }, bubbles: true, composed: true }),
    );
  }

  async tagSelected(): Promise<void> {
    const client = this.#host.client;
    const ids = new Set(this.#host.selectedIds);
    if (!client || ids.size === 0) return;
    const t = this.#strings();
    const answer = await this.#dialog.ask({
      title: t.addTag,
      confirmLabel: t.save,
      cancelLabel: t.confirmCancel,
      input: { label: t.tagPrompt },
    });
    if (!answer.ok || !answer.value) return;
    const tag = answer.value;
    const files = this.#host.items.filter((file) => ids.has(file.id) && file.id !== file.operationId);
    const results = await Promise.allSettled(
      files
        .filter((file) => !file.tags.includes(tag))
        .map((file) => client.library.update(file.id, { tags: [...file.tags, tag] })),
    );
    if (results.some((result) => result.status === 'rejected')) this.#host.notify(t.updateFailed, 'error');
    else this.#host.notify(t.tagged(files.length, tag), 'success');
  }
}
