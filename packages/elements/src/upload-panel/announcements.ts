// What the panel's aria-live region should say after a store change: only starts, finishes and
// errors (never every percent), so screen-reader users hear milestones without chatter.
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';

export type StatusSnapshot = ReadonlyMap<string, UploadStatus>;

export function snapshot(uploads: Record<string, UploadItem>): StatusSnapshot {
  return new Map(Object.values(uploads).map((item) => [item.operationId, item.status]));
}

/** Messages for the transitions between two snapshots, in the order of `uploads`. */
export function announcements(
  previous: StatusSnapshot,
  uploads: Record<string, UploadItem>,
  strings: MediabayStrings,
): string[] {
  const messages: string[] = [];
  for (const item of Object.values(uploads)) {
    const before = previous.get(item.operationId);
    if (before === item.status) continue;
    if (item.status === 'uploading' && before !== 'paused') messages.push(strings.announceStarted(item.name));
    else if (item.status === 'ready') messages.push(strings.announceFinished(item.name));
    else if (item.status === 'error') {
      messages.push(strings.announceFailed(item.name, item.error?.message ?? strings.status.error));
    }
  }
  return messages;
}
