// Turns the byte offsets tus reports during a PATCH into `media-upload-progress` data with an ETA.
// The rate is measured per request, so a resumed upload does not count bytes it sent before.
import type { UploadProgressData } from '@mediabay/core/protocol';

interface Sample {
  request: object;
  startedAt: number;
  startOffset: number;
  seenAt: number;
  persistedAt: number;
  /** the upload finished or was terminated: late progress from its last PATCH is not reported */
  done: boolean;
}

/** Uploads abandoned mid-way never finish; their samples are dropped after this long unseen. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

export interface ProgressTracker {
  /** `request` identifies the PATCH/POST the bytes came in on. */
  /** Undefined once the upload is done, so no progress is reported after completion. */
  update(
    uploadId: string,
    request: object,
    offset: number,
    size: number | undefined,
  ): UploadProgressData | undefined;
  /** True at most once per `intervalMs` per upload: when the offset is worth writing to the database. */
  shouldPersist(uploadId: string, intervalMs: number): boolean;
  forget(uploadId: string): void;
}

export function createProgressTracker(now: () => number = Date.now): ProgressTracker {
  const samples = new Map<string, Sample>();
  return {
    update(uploadId, request, offset, size) {
      let sample = samples.get(uploadId);
      const t = now();
      if (sample?.done) return undefined;
      if (!sample || sample.request !== request) {
        for (const [id, old] of samples) if (t - old.seenAt > FORGET_AFTER_MS) samples.delete(id);
        sample = {
          request,
          startedAt: t,
          startOffset: offset,
          seenAt: t,
          persistedAt: sample?.persistedAt ?? 0,
          done: false,
        };
        samples.set(uploadId, sample);
      }
      sample.seenAt = t;
      const total = size ?? 0;
      const data: UploadProgressData = {
        progress: total > 0 ? Math.min(100, Math.floor((offset / total) * 10000) / 100) : 0,
        bytesReceived: offset,
        bytesTotal: total,
      };
      const elapsed = (t - sample.startedAt) / 1000;
      const sent = offset - sample.startOffset;
      if (total > 0 && elapsed > 0 && sent > 0) {
        data.timeRemaining = Math.max(0, Math.round(((total - offset) / (sent / elapsed)) * 10) / 10);
      }
      return data;
    },
    shouldPersist(uploadId, intervalMs) {
      const sample = samples.get(uploadId);
      const t = now();
      if (!sample || t - sample.persistedAt < intervalMs) return false;
      sample.persistedAt = t;
      return true;
    },
    forget(uploadId) {
      const t = now();
      samples.set(uploadId, {
        request: {},
        startedAt: t,
        startOffset: 0,
        seenAt: t,
        persistedAt: t,
        done: true,
      });
    },
  };
}
