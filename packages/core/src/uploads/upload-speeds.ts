// Speeds and time left: each uploading file's (measured from its progress events) and the batch's
// (from the bytes the batch has sent), with the slowest uploading file's time left, which the batch
// never undercuts (withFileEta in uploads-store.ts).
import { atom, type ReadableAtom } from 'nanostores';
import type { BatchTally } from './batch.js';
import { initialEta, pauseEta, sampleEta, timeLeft, type EtaState } from './eta.js';
import type { UploadItem } from '../types.js';
import type { UploadEvent } from './upload-machine.js';

export interface Slowest {
  seconds: number | null;
  bytes: number;
}

export interface UploadSpeeds {
  readonly $batchSpeed: ReadableAtom<number>;
  readonly $slowest: ReadableAtom<Slowest>;
  /** a progress event of an uploading file, with its speed and time left measured */
  measured(id: string, item: UploadItem, event: UploadEvent): UploadEvent;
  /** the file is no longer uploading: a paused or queued one resumes from its speed */
  settled(id: string, item: UploadItem): void;
  forget(id: string): void;
  /** after a write: the batch's speed, and the slowest uploading file */
  measureBatch(tally: BatchTally, run: BatchTally): void;
  clear(): void;
}

export function createUploadSpeeds(
  now: () => number,
  current: (id: string) => UploadItem | undefined,
): UploadSpeeds {
  const etas = new Map<string, EtaState>();
  let batchEta = initialEta();
  const $batchSpeed = atom(0);
  const $slowest = atom<Slowest>({ seconds: null, bytes: 0 });

  /** over the files with a speed of their own (uploading or paused ones: a few, not the whole queue) */
  function measureSlowest(): void {
    let seconds: number | null = null;
    let bytes = 0;
    for (const id of etas.keys()) {
      const item = current(id);
      if (item?.status !== 'uploading' || item.timeRemaining === null) continue;
      if (seconds === null || item.timeRemaining > seconds) {
        seconds = item.timeRemaining;
        bytes = item.size - item.bytesUploaded;
      }
    }
    const last = $slowest.get();
    if (last.seconds !== seconds || last.bytes !== bytes) $slowest.set({ seconds, bytes });
  }

  return {
    $batchSpeed,
    $slowest,
    measured(id, item, event) {
      if (event.type !== 'UPLOAD.PROGRESS' || item.status !== 'uploading') return event;
      const sent = Math.max(item.bytesUploaded, event.bytesUploaded);
      const eta = sampleEta(etas.get(id) ?? initialEta(), sent, now());
      etas.set(id, eta);
      return { ...event, speed: eta.speed, timeRemaining: timeLeft(item.size - sent, eta.speed) };
    },
    settled(id, item) {
      const eta = etas.get(id);
      if (eta && (item.status === 'paused' || item.status === 'queued')) etas.set(id, pauseEta(eta));
      else if (eta) etas.delete(id);
    },
    forget: (id) => void etas.delete(id),
    measureBatch({ counts }, { bytesUploaded }) {
      if (counts.uploading > 0) {
        batchEta = sampleEta(batchEta, bytesUploaded, now());
      } else if (counts.queued > 0 || counts.paused > 0) {
        batchEta = pauseEta(batchEta);
      } else {
        // nothing left to send: the next batch is measured afresh, not from the last one's speed
        // (small files with processing gaps would otherwise hold a big file's estimate down for seconds)
        batchEta = initialEta();
      }
      $batchSpeed.set(batchEta.speed);
      measureSlowest();
    },
    clear: () => etas.clear(),
  };
}
