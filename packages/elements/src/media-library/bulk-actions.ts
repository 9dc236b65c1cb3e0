// What the library does with a selection, loaded after first paint (shared/after-paint.ts): bulk
// delete behind a confirmation that lists the usages of files in use (core rolls back if the server
// refuses; Undo restores), bulk tagging, the Trash view's restore and purge (trash-actions.ts), and
// the selection bar that offers them. A selection needs a click or a key first, and the module is
// prefetched when the page is idle: the first screen needs none of it (library-actions.ts calls in).
import { html, nothing, type TemplateResult } from 'lit';
import { MediaApiError, permits, type MediaClient, type MeState } from '@mediabay/core';
import type { MediaFile, Usage } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import type { Asker } from '../shared/dialog-controller.js';
import { iconButton, toolButton } from '../shared/buttons.js';
import { emit } from '../shared/events.js';
import { icon } from '../shared/icons-later.js';
import type { ToastAction } from '../shared/toasts.js';
import type { ToolbarActions, ToolbarModel } from './toolbar-model.js';
import { purgeSelected, restoreSelected } from './trash-actions.js';

export { restoreSelected };

/** what the bulk actions read and change of the library (library-actions.ts hands it in) */
export interface BulkContext {
  readonly host: HTMLElement & {
    readonly client?: MediaClient | undefined;
    readonly selectedIds: string[];
    readonly meState: MeState;
    notify(message: string, tone: 'success' | 'error', action?: ToastAction): void;
  };
  readonly dialog: Asker;
  readonly t: MediabayStrings;
  /** the selected files as listed (not the optimistic entries of uploads in flight) */
  selectedFiles(): MediaFile[];
  offers(): { tag: boolean; delete: boolean };
  /** ids fading out before their delete is sent (empty: none) */
  setLeaving(ids: ReadonlySet<string>): void;
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

/** How long the fade-out of deleted items lasts (none when the user asks for less motion). */
function fadeDuration(): number {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 200;
}

export async function deleteSelected(context: BulkContext): Promise<void> {
  const { host, dialog, t } = context;
  const client = host.client;
  const ids = host.selectedIds;
  if (!client || ids.length === 0) return;
  if (!context.offers().delete) {
    host.notify(t.notAllowed, 'error');
    return;
  }
  // in the Trash view, Delete means for good
  if (client.$view.get().trashed === true) return purgeSelected(host, dialog, t);
  const files = context.selectedFiles();
  const usages = files.flatMap((file) => file.usages);
  const inUse = files.filter((file) => file.usages.length > 0);
  const list =
    usages.length > 0 ? { label: t.usedIn(usages.length), items: usages.map(usageLine) } : undefined;
  const force = inUse.length > 0 && permits(host.meState, 'forceDelete');
  if (inUse.length > 0 && !force) {
    // said before anything is sent: the server would refuse it with 409
    await dialog.ask({
      title: t.cannotDeleteTitle(inUse.length),
      body: t.onlyAdminsDeleteUsed,
      ...(list ? { list } : {}),
      confirmLabel: t.close,
      cancelLabel: '',
    });
    return;
  }
  const answer = await dialog.ask({
    title: t.confirmDeleteTitle(ids.length),
    body: t.confirmDeleteBody,
    ...(list ? { list } : {}),
    confirmLabel: force ? t.deleteAnyway : t.confirmDelete,
    cancelLabel: t.confirmCancel,
    danger: true,
  });
  if (!answer.ok || !emit(host, 'mb-delete', { ids }, true)) return;
  context.setLeaving(new Set(ids));
  await new Promise((resolve) => setTimeout(resolve, fadeDuration()));
  let ok = true;
  let error: string | undefined;
  try {
    await client.library.remove(ids, force ? { force } : {});
    client.selection.clear();
    // the files are in the trash: Undo brings them back (core restores optimistically)
    host.notify(t.deleted(ids.length), 'success', { label: t.undo, run: () => void undo(context, ids) });
  } catch (reason) {
    ok = false;
    error = reason instanceof Error ? reason.message : String(reason);
    host.notify(failure(reason, t, t.deleteFailed), 'error');
  } finally {
    context.setLeaving(new Set());
  }
  emit(host, 'mb-deleted', { ids, ok, error });
}

async function undo({ host, t }: BulkContext, ids: string[]): Promise<void> {
  try {
    await host.client?.library.restore(ids);
    host.notify(t.restored(ids.length), 'success');
  } catch (reason) {
    host.notify(failure(reason, t, t.restoreFailed), 'error');
  }
}

export async function tagSelected(context: BulkContext): Promise<void> {
  const { host, t } = context;
  const client = host.client;
  const files = context.selectedFiles();
  if (!client || files.length === 0) return;
  if (!context.offers().tag) {
    host.notify(t.notAllowed, 'error');
    return;
  }
  const answer = await context.dialog.ask({
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
    host.notify(t.tagged(files.length, tag), 'success');
  } catch (reason) {
    host.notify(failure(reason, t, t.updateFailed), 'error');
  }
}

function trashActions(model: ToolbarModel, t: MediabayStrings, actions: ToolbarActions): TemplateResult {
  if (model.canDelete === false) return html``;
  return html`${toolButton('restore-button', icon('retry'), t.restore, actions.restoreSelected)}
  ${toolButton('purge-button', icon('delete'), t.deleteForever, actions.deleteSelected, true)}`;
}

function libraryActions(model: ToolbarModel, t: MediabayStrings, actions: ToolbarActions): TemplateResult {
  return html`${model.canTag === false ? nothing : toolButton('tag-button', icon('tag'), t.addTag, actions.tagSelected)}
  ${
    model.canDelete === false
      ? nothing
      : toolButton('delete-button', icon('delete'), t.deleteSelected, actions.deleteSelected, true)
  }`;
}

/** The selection bar's actions after its count: tag and delete, or the Trash view's restore and purge. */
export function selectionActions(
  model: ToolbarModel,
  t: MediabayStrings,
  actions: ToolbarActions,
): TemplateResult {
  return html`${
    model.view.trashed === true ? trashActions(model, t, actions) : libraryActions(model, t, actions)
  }${iconButton('clear-selection', icon('close'), t.clearSelection, actions.clearSelection)}`;
}
