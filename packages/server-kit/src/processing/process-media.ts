// One processing job: probe the bytes with the demuxer their sniffed type implies, make a poster or
// thumbnail and, for media browsers cannot play as uploaded, a web rendition; store what was learnt,
// announce each stage and the outcome. Whatever fails, the row
// leaves `processing` with a reason the UI can show.
import { Readable } from 'node:stream';
import type { MediaPatch, MediaRecord, NewAuditEntry } from '../db/database.js';
import { needsProcessing, sniffStored } from '../media/ingest.js';
import type { Sniffed } from '../media/sniff.js';
import { toMediaFile } from '../media/to-wire.js';
import { ffprobe, type RunTool } from './ffprobe.js';
import { DEFAULT_MAX_PIXELS, overBudget, pixelBudgetMessage, readDeclaredSize } from './header-size.js';
import type { ProcessorDeps } from './processor-api.js';
import { makeThumbnail } from './thumbnail.js';
import { webRenditionStep } from './web-step.js';
import { publicMessage } from '../media/public-message.js';

type Report = (progress: number, stage: string, timeLeft?: number | null) => void;

async function analyse(deps: ProcessorDeps, record: MediaRecord, report: Report): Promise<MediaPatch> {
  if (!needsProcessing(record.type)) return {};
  const sniffed = await sniffStored(deps.storage, record.storageKey, record.size, record.mimeType);
  const copy = await deps.storage.localCopy(record.storageKey);
  try {
    return await analyseFile(deps, record, report, sniffed, copy.path);
  } finally {
    await copy.release();
  }
}

async function analyseFile(
  deps: ProcessorDeps,
  record: MediaRecord,
  report: Report,
  sniffed: Sniffed,
  file: string,
): Promise<MediaPatch> {
  const run = deps.run as RunTool;
  const maxPixels = deps.maxPixels ?? DEFAULT_MAX_PIXELS;
  // an image declaring more pixels than the budget is refused before any decoder allocates a frame
  const declared = await readDeclaredSize(file, sniffed.mimeType);
  if (declared && overBudget(declared, maxPixels)) {
    throw new Error(pixelBudgetMessage('image', declared, maxPixels));
  }
  report(10, 'probing');
  let probe;
  try {
    probe = await ffprobe(run, file, sniffed.demuxer, maxPixels);
  } catch (error) {
    throw new Error(`The ${record.type} could not be read: ${(error as Error).message}`, { cause: error });
  }
  if (probe.width && probe.height && overBudget({ width: probe.width, height: probe.height }, maxPixels)) {
    const size = { width: probe.width, height: probe.height };
    throw new Error(pixelBudgetMessage(record.type === 'image' ? 'image' : 'video', size, maxPixels));
  }
  if (record.type === 'video' && !probe.hasVideo) throw new Error('The file has no video stream.');
  if (record.type === 'audio' && !probe.hasAudio) throw new Error('The file has no audio stream.');
  const patch: MediaPatch = {
    durationMs: record.type === 'image' ? null : probe.durationMs,
    width: probe.width,
    height: probe.height,
  };
  if (record.type !== 'audio' && sniffed.demuxer && probe.hasVideo) {
    report(50, 'thumbnail');
    // A frame a little in, not the (often black) first one; the middle for clips under 2 s.
    const at = record.type === 'video' ? Math.min(1, (probe.durationMs ?? 0) / 2000) : 0;
    try {
      const input = { file, demuxer: sniffed.demuxer, at, maxPixels: maxPixels };
      const bytes = await makeThumbnail(run, input);
      const key = `derived/${record.id}-thumb.jpg`;
      await deps.storage.remove(key);
      await deps.storage.write(key, Readable.from([bytes]));
      patch.thumbnailKey = key;
    } catch (error) {
      // The file itself is fine; a missing poster is not a reason to refuse it.
      console.error(`[mediabay] thumbnail of ${record.id} failed`, (error as Error).message);
    }
  }
  try {
    const web = await webRenditionStep({
      ...{ run, storage: deps.storage, record, sniffed, file, probe, maxPixels },
      timeoutMs: deps.timeoutMs,
      report: (percent, timeLeft) => report(percent, 'transcoding', timeLeft),
    });
    patch.renditions = web ? [web] : [];
  } catch (error) {
    await removeKeys(deps, derivedKeys(patch)); // the file fails: no poster left behind
    throw error;
  }
  return patch;
}

const derivedKeys = (patch: MediaPatch): string[] => [
  ...(patch.thumbnailKey ? [patch.thumbnailKey] : []),
  ...(patch.renditions ?? []).map((r) => r.key),
];

async function removeKeys(deps: ProcessorDeps, keys: string[]): Promise<void> {
  for (const key of keys) await deps.storage.remove(key).catch(() => undefined);
}

const failureEntry = (record: MediaRecord, error: string | null): NewAuditEntry => ({
  tenantId: record.tenantId,
  userId: record.ownerId,
  action: 'upload.failed',
  fileId: record.id,
  operationId: record.operationId,
  detail: { name: record.name, reason: 'processing', error },
});

export async function processMedia(deps: ProcessorDeps, mediaId: string): Promise<void> {
  // the row alone: processing reads none of its tags, usages or captions (updateMedia returns them)
  const record = await deps.db.getMediaRowById(mediaId);
  if (!record || record.status !== 'processing') return;
  const report: Report = (progress, stage, timeLeft) =>
    deps.bus.publish(record.tenantId, {
      type: 'media-processing-progress',
      operationId: record.operationId,
      fileId: record.id,
      data: { progress, stage, ...(typeof timeLeft === 'number' ? { timeRemaining: timeLeft } : {}) },
    });

  let patch: MediaPatch;
  let derived: string[] = [];
  try {
    report(0, 'queued');
    patch = { ...(await analyse(deps, record, report)), status: 'ready', error: null };
    derived = derivedKeys(patch);
  } catch (error) {
    // no storage or temp paths in what users and the audit log see
    patch = { status: 'error', error: publicMessage(error instanceof Error ? error.message : String(error)) };
  }
  // The processor is closing: its children were killed, so this outcome says nothing about the file;
  // it stays in `processing` for the next start (or another instance) to take over.
  if (deps.signal?.aborted) {
    await removeKeys(deps, derived);
    return;
  }
  // This instance stalled past its lease and another took the job over: that one's result counts.
  if (deps.holdsJob && !(await deps.holdsJob())) return;
  if (patch.status === 'ready') report(100, 'done');
  // a file made ready is one UPDATE; a failed job is the upload's failure, audited with the row's
  // change in one transaction (the uploader as user)
  const updated =
    patch.status === 'ready'
      ? await deps.db.updateMedia(record.id, patch)
      : await deps.db.transaction(async (tx) => {
          const after = await tx.updateMedia(record.id, patch);
          if (after) await tx.appendAudit(failureEntry(record, patch.error ?? null));
          return after;
        });
  if (!updated) {
    // deleted while we worked: do not leave its poster behind
    await removeKeys(deps, derived);
    return;
  }
  deps.bus.publish(record.tenantId, { type: 'media-updated', file: toMediaFile(updated, deps.urls) });
}
