// The batch summary shown in the panel header, as a pure function of the items and the smoothed speed.
import { timeLeft } from './eta.js';
import type { BatchState, UploadItem, UploadStatus } from './types.js';

const emptyCounts = (): Record<UploadStatus, number> => ({
  queued: 0,
  uploading: 0,
  paused: 0,
  processing: 0,
  ready: 0,
  error: 0,
  canceled: 0,
});

export function computeBatch(items: Iterable<UploadItem>, speed: number): BatchState {
  const counts = emptyCounts();
  let bytesUploaded = 0;
  let bytesTotal = 0;
  let total = 0;
  for (const item of items) {
    counts[item.status]++;
    total++;
    // canceled files are no longer part of the work; everything else weighs by its size
    if (item.status === 'canceled') continue;
    bytesTotal += item.size;
    bytesUploaded += Math.min(item.size, item.bytesUploaded);
  }
  const uploading = counts.uploading > 0;
  const progress = bytesTotal > 0 ? (bytesUploaded / bytesTotal) * 100 : total > counts.canceled ? 100 : 0;
  const shownSpeed = uploading ? speed : 0;
  return {
    progress: Math.min(100, Math.max(0, progress)),
    bytesUploaded,
    bytesTotal,
    speed: shownSpeed,
    timeRemaining: uploading ? timeLeft(bytesTotal - bytesUploaded, shownSpeed) : null,
    counts,
    total,
    active: counts.queued + counts.uploading + counts.processing > 0,
  };
}

/** Bytes the batch speed is measured over: what was sent of files that are still part of the batch. */
export function sentBytes(items: Iterable<UploadItem>): number {
  let sum = 0;
  for (const item of items) if (item.status !== 'canceled') sum += item.bytesUploaded;
  return sum;
}
