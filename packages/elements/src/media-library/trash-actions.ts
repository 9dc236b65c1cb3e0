// The Trash view's actions on the selection: Restore (back to the library at once) and Delete forever
// (behind a confirmation, since it cannot be undone). Core restores and purges optimistically and
// puts the files back in the trash's list if the server refuses.
import { MediaApiError, type MediaClient } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import type { Asker } from '../shared/dialog-controller.js';

export interface TrashHost {
  readonly client?: MediaClient | undefined;
  readonly selectedIds: string[];
  notify(message: string, tone: 'success' | 'error'): void;
}

const refused = (error: unknown, t: MediabayStrings, fallback: string): string =>
  error instanceof MediaApiError && error.code === 'forbidden' ? t.notAllowed : fallback;

export async function restoreSelected(host: TrashHost, t: MediabayStrings): Promise<void> {
  const ids = host.selectedIds;
  if (!host.client || ids.length === 0) return;
  try {
    await host.client.library.restore(ids);
    host.client.selection.clear();
    host.notify(t.restored(ids.length), 'success');
  } catch (error) {
    host.notify(refused(error, t, t.restoreFailed), 'error');
  }
}

export async function purgeSelected(host: TrashHost, dialog: Asker, t: MediabayStrings): Promise<void> {
  const ids = host.selectedIds;
  if (!host.client || ids.length === 0) return;
  const answer = await dialog.ask({
    title: t.confirmPurgeTitle(ids.length),
    body: t.confirmPurgeBody,
    confirmLabel: t.deleteForever,
    cancelLabel: t.confirmCancel,
    danger: true,
  });
  if (!answer.ok) return;
  try {
    await host.client.library.purge(ids);
    host.client.selection.clear();
    host.notify(t.purged(ids.length), 'success');
  } catch (error) {
    host.notify(refused(error, t, t.purgeFailed), 'error');
  }
}
