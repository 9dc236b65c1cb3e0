// What the panel's aria-live region should say when an upload changes status: what the user did
// (pause, resume, cancel) and what needs them (a failure), never every start, finish or percent.
// Finished files are told once per batch, in its summary (`batchDone`), so 30 uploads make one
// announcement instead of 60.
import type { UploadItem, UploadStatus } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { uploadErrorText } from '../i18n/upload-errors.js';

/** The message for one upload going from `before` to its current status, or null to stay quiet. */
export function announcement(
  before: UploadStatus | undefined,
  item: UploadItem,
  strings: MediabayStrings,
): string | null {
  if (before === item.status || before === undefined) return null;
  switch (item.status) {
    case 'paused':
      return strings.announcePaused(item.name);
    case 'uploading':
      return before === 'paused' ? strings.announceResumed(item.name) : null;
    case 'canceled':
      return strings.announceCanceled(item.name);
    case 'error':
      return strings.announceFailed(item.name, uploadErrorText(item.error, strings));
    default:
      return null;
  }
}
