// What the panel's aria-live region should say when an upload changes status: only starts, finishes
// and errors (never every percent), so screen-reader users hear milestones without chatter.
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';

/** The message for one upload going from `before` to its current status, or null to stay quiet. */
export function announcement(
  before: UploadStatus | undefined,
  item: UploadItem,
  strings: MediabayStrings,
): string | null {
  if (before === item.status) return null;
  if (item.status === 'uploading' && before !== 'paused') return strings.announceStarted(item.name);
  if (item.status === 'ready') return strings.announceFinished(item.name);
  if (item.status === 'error')
    return strings.announceFailed(item.name, item.error?.message ?? strings.status.error);
  return null;
}
