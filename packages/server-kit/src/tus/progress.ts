// Turns the byte offsets tus reports during a PATCH into `media-upload-progress` data with an ETA.
// The rate is measured per request, so a resumed upload does not count bytes it sent before.
import type { UploadProgressData } from '@mediabay/core/protocol';

interface Sample {
  request: object;
  startedAt: number;
  startOffset: number;
}

export interface ProgressTracker {
  /** `request` identifies the PATCH/POST the bytes came in on. */
  update(uploadId: string, request: object, offset: number, size: number | undefined): UploadProgressData;
  forget(uploadId: string): void;
}

export function createProgressTracker(now: () => number = Date.now): ProgressTracker {
  const samples = new Map<string, Sample>();
  return {
    update(uploadId, request, offset, size) {
      let sample = samples.get(uploadId);
      if (!sample || sample.request !== request) {
        sample = { request, startedAt: now(), startOffset: offset };
        samples.set(uploadId, sample);
      }
      const total = size ?? 0;
      const data: UploadProgressData = {
        progress: total > 0 ? Math.min(100, Math.floor((offset / total) * 10000) / 100) : 0,
        bytesReceived: offset,
        bytesTotal: total,
      };
      const elapsed = (now() - sample.startedAt) / 1000;
      const sent = offset - sample.startOffset;
      if (total > 0 && elapsed > 0 && sent > 0) {
        data.timeRemaining = Math.max(0, Math.round(((total - offset) / (sent / elapsed)) * 10) / 10);
      }
      return data;
    },
    forget(uploadId) {
      samples.delete(uploadId);
    },
  };
}
