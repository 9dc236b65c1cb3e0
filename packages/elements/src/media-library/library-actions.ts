// What the library's buttons do, on the client's public API: debounced search, bulk delete behind
// a confirmation that lists the usages of files in use (core rolls back if the server refuses),
// bulk tagging, reloading. `$me` decides what is offered; a 403 still ends in a clear toast.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  MEDIA_FILES_KEY,
  MediaApiError,
  mayDelete,
  mayTag,
  permits,
  type MediaClient,
  type MeState,
} from '@mediabay/core';
import type { MediaFile, Usage } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import type { Asker } from '../shared/dialog-controller.js';
import type { ToastAction } from '../shared/toasts.js';
import { purgeSelected, restoreSelected } from './trash-actions.js';

export interface ActionsHost extends ReactiveControllerHost, HTMLElement {
  readonly client?: MediaClient | undefined;
  readonly items: MediaFile[];
  readonly selectedIds: string[];
  /** what the server lets the user do (unknown: everything, the server decides) */
  readonly meState: MeState;
  notify(message: string, tone: 'success' | 'error', action?: ToastAction): void;
}

const usageLine = (u: Usage): string => `${u.courseId}${u.lessonId ? ` · ${u.lessonId}` : ''}`;

/** The toast for a refused change: the server's reason when it gave one we can name. */
function failure(error: unknown, t: MediabayStrings, fallback: string): string {
  if (!(error instanceof MediaApiError)) return fallback;
  if (error.code === 'forbidden') return t.notAllowed;
  if (error.code === 'file-in-use')
    return `${t.cannotDeleteTitle(error.details.files?.length ?? 1)}. ${fallback}`;
  return fallback;
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
  #dialog: Asker;
  #strings: () => MediabayStrings;
  #searchTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ActionsHost, dialog: Asker, strings: () => MediabayStrings) {
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

  async deleteSelected(): Promise<void> {
    const client = this.#host.client;
    const ids = this.#host.selectedIds;
    if (!client || ids.length === 0) return;
    const t = this.#strings();
    if (!this.offers().delete) {
      this.#host.notify(t.notAllowed, 'error');
      return;
    }
    // in the Trash view, Delete means for good
    if (client.$view.get().trashed === true) return purgeSelected(this.#host, this.#dialog, t);
    const usages = this.#selectedFiles().flatMap((file) => file.usages);
    const inUse = this.#selectedFiles().filter((file) => file.usages.length > 0);
    const list =
      usages.length > 0 ? { label: t.usedIn(usages.length), items: usages.map(usageLine) } : undefined;
    const force = inUse.length > 0 && permits(this.#host.meState, 'forceDelete');
    if (inUse.length > 0 && !force) {
      // said before anything is sent: the server would refuse it with 409
      await this.#dialog.ask({
        title: t.cannotDeleteTitle(inUse.length),
        body: t.onlyAdminsDeleteUsed,
        ...(list ? { list } : {}),
        confirmLabel: t.close,
        cancelLabel: '',
      });
      return;
    }
    const answer = await this.#dialog.ask({
      title: t.confirmDeleteTitle(ids.length),
      body: t.confirmDeleteBody,
      ...(list ? { list } : {}),
      confirmLabel: force ? t.deleteAnyway : t.confirmDelete,
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
      await client.library.remove(ids, force ? { force } : {});
      client.selection.clear();
      // the files are in the trash: Undo brings them back (core restores optimistically)
      this.#host.notify(t.deleted(ids.length), 'success', { label: t.undo, run: () => void this.#undo(ids) });
    } catch (reason) {
      ok = false;
      error = reason instanceof Error ? reason.message : String(reason);
      this.#host.notify(failure(reason, t, t.deleteFailed), 'error');
    } finally {
      this.leaving = new Set();
      this.#host.requestUpdate();
    }
    this.#host.dispatchEvent(
      new CustomEvent('mb-deleted', { detail: { ids, ok, error }, bubbles: true, composed: true }),
    );
  }

  restoreSelected(): Promise<void> {
    return restoreSelected(this.#host, this.#strings());
  }

  async #undo(ids: string[]): Promise<void> {
    const t = this.#strings();
    try {
      await this.#host.client?.library.restore(ids);
      this.#host.notify(t.restored(ids.length), 'success');
    } catch (reason) {
      this.#host.notify(failure(reason, t, t.restoreFailed), 'error');
    }
  }

  async tagSelected(): Promise<void> {
    const client = this.#host.client;
    const files = this.#selectedFiles();
    if (!client || files.length === 0) return;
    const t = this.#strings();
    if (!this.offers().tag) {
      this.#host.notify(t.notAllowed, 'error');
      return;
    }
    const answer = await this.#dialog.ask({
      title: t.addTag,
      confirmLabel: t.save,
      cancelLabel: t.confirmCancel,
      input: { label: t.tagPrompt },
    });
    if (!answer.ok || !answer.value) return;
    const tag = answer.value;
    try {
      await client.library.bulkTag(
        files.map((file) => file.id),
        { add: [tag] },
      );
      this.#host.notify(t.tagged(files.length, tag), 'success');
    } catch (reason) {
      this.#host.notify(failure(reason, t, t.updateFailed), 'error');
    }
  }
}
