// The current batch: the files of one run of work, counted until the whole run is over, also after
// finished ones leave `$uploads` ("3 of 10" stays "of 10", and the byte-weighted progress does not
// drop when a finished file leaves). A run ends when none of its files is queued, uploading, paused
// or processing; the next file that becomes active starts a new one.
import { countItem, emptyTally, type BatchTally } from './batch.js';
import type { UploadItem, UploadStatus } from '../types.js';

const ACTIVE: ReadonlySet<UploadStatus> = new Set(['queued', 'uploading', 'paused', 'processing']);

export const isActiveStatus = (status: UploadStatus): boolean => ACTIVE.has(status);

const activeCount = (tally: BatchTally): number =>
  tally.counts.queued + tally.counts.uploading + tally.counts.paused + tally.counts.processing;

export interface BatchRun {
  /** one item changed (old undefined: it is new); mutates the run's tally in place */
  change(id: string, old: UploadItem | undefined, item: UploadItem): void;
  /** the item left `$uploads`: it stays counted as it last was */
  leave(id: string): void;
  /** the run's tally (the same object between changes: copy before publishing) */
  readonly tally: BatchTally;
}

export function createBatchRun(): BatchRun {
  let tally = emptyTally();
  /** ids of the run's files still in `$uploads` */
  const members = new Set<string>();

  function change(id: string, old: UploadItem | undefined, item: UploadItem): void {
    if (members.has(id)) {
      if (old) countItem(tally, old, -1);
      countItem(tally, item, 1);
      return;
    }
    if (!isActiveStatus(item.status)) return; // finished before this run (or a mirror's late word)
    if (activeCount(tally) === 0) {
      tally = emptyTally();
      members.clear();
    }
    members.add(id);
    countItem(tally, item, 1);
  }

  return {
    change,
    leave(id) {
      members.delete(id);
    },
    get tally() {
      return tally;
    },
  };
}
