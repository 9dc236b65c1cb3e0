// The batch summary shown in the panel header. A tally is kept up to date item by item (added,
// changed, removed), so a frame with 3 uploads moving costs 3 steps whether 30 or 100,000 wait behind
// them; the summary is a pure function of the tally and the smoothed speed.
import { timeLeft } from './eta.js';
import type { BatchState, UploadItem, UploadStatus } from '../types.js';

export interface BatchTally {
  counts: Record<UploadStatus, number>;
  total: number;
  /** bytes of the files that are still part of the work (canceled ones are not) */
  bytesTotal: number;
  /** of those, what has been sent, each capped at its file's size */
  bytesUploaded: number;
}

export const emptyTally = (): BatchTally => ({
  counts: { queued: 0, uploading: 0, paused: 0, processing: 0, ready: 0, error: 0, canceled: 0 },
  total: 0,
  bytesTotal: 0,
  bytesUploaded: 0,
});

export const copyTally = (tally: BatchTally): BatchTally => ({ ...tally, counts: { ...tally.counts } });

/** Adds (sign 1) or takes away (sign -1) one item's share, in place. */
export function countItem(tally: BatchTally, item: UploadItem, sign: 1 | -1): void {
  tally.counts[item.status] += sign;
  tally.total += sign;
  if (item.status === 'canceled') return;
  tally.bytesTotal += sign * item.size;
  tally.bytesUploaded += sign * Math.min(item.size, item.bytesUploaded);
}

export function tallyOf(items: Iterable<UploadItem>): BatchTally {
  const tally = emptyTally();
  for (const item of items) countItem(tally, item, 1);
  return tally;
}

/** `run`: the current batch's tally (batch-run.ts), which the progress, bytes and time left are of;
 * `tally`: what is in `$uploads` now (counts, total, active) */
export function summarize(tally: BatchTally, speed: number, run: BatchTally = tally): BatchState {
  const { counts, total } = tally;
  const { bytesTotal, bytesUploaded } = run;
  const uploading = counts.uploading > 0;
  const runFiles = run.total - run.counts.canceled;
  const progress = bytesTotal > 0 ? (bytesUploaded / bytesTotal) * 100 : runFiles > 0 ? 100 : 0;
  const shownSpeed = uploading ? speed : 0;
  return {
    progress: Math.min(100, Math.max(0, progress)),
    bytesUploaded,
    bytesTotal,
    speed: shownSpeed,
    timeRemaining: uploading ? timeLeft(bytesTotal - bytesUploaded, shownSpeed) : null,
    counts: { ...counts },
    total,
    active: counts.queued + counts.uploading + counts.processing > 0,
    batchTotal: runFiles,
    batchDone: run.counts.ready,
    batchFailed: run.counts.error,
  };
}

export function computeBatch(items: Iterable<UploadItem>, speed: number): BatchState {
  return summarize(tallyOf(items), speed);
}
