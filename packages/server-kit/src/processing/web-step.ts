// The web-rendition step of a processing job: plan it from the probe, make it (reporting the
// transcode's progress), store it beside the original. Returns what to record, or null when the
// original plays in browsers as it is.
import { createReadStream } from 'node:fs';
import type { MediaRecord, StoredRendition } from '../db/database.js';
import type { Sniffed } from '../media/sniff.js';
import type { MediaStorage } from '../storage/storage.js';
import type { ProbeResult, RunTool } from './ffprobe.js';
import { moovPosition } from './mp4-layout.js';
import { makeWebRendition } from './transcode.js';
import { planWebRendition } from './web-plan.js';

export interface WebStepInput {
  run: RunTool;
  storage: MediaStorage;
  record: MediaRecord;
  sniffed: Sniffed;
  file: string;
  probe: ProbeResult;
  maxPixels: number;
  /** the job's time budget; a transcode gets ten times the media's duration on top */
  timeoutMs: number;
  report: (percent: number, timeLeft: number | null) => void;
}

export async function webRenditionStep(input: WebStepInput): Promise<StoredRendition | null> {
  const { record, sniffed, probe } = input;
  if ((record.type !== 'video' && record.type !== 'audio') || !sniffed.demuxer) return null;
  const moov = sniffed.demuxer === 'mov' ? await moovPosition(input.file) : null;
  const plan = planWebRendition(record.type, sniffed.mimeType, probe, moov);
  if (plan === 'none') return null;
  input.report(0, null);
  let made;
  try {
    made = await makeWebRendition(
      input.run,
      {
        file: input.file,
        demuxer: sniffed.demuxer,
        kind: record.type,
        plan,
        probe,
        maxPixels: input.maxPixels,
        timeoutMs: input.timeoutMs + 10 * (probe.durationMs ?? 0),
      },
      input.report,
    );
  } catch (error) {
    const what = record.type === 'audio' ? 'audio' : 'video';
    throw new Error(`The ${what} could not be converted to play in browsers: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const key = `derived/${record.id}-web.${record.type === 'audio' ? 'm4a' : 'mp4'}`;
    await input.storage.remove(key);
    await input.storage.write(key, createReadStream(made.path));
    return {
      kind: 'web',
      key,
      mimeType: made.mimeType,
      width: made.width,
      height: made.height,
      size: made.size,
    };
  } finally {
    await made.release();
  }
}
