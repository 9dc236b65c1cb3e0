// One processing job: probe the bytes, store what was learnt, announce the outcome. Whatever fails,
// the row leaves `processing` with a reason the UI can show.
import type { MediaRecord, MediaPatch } from '../db/database.js';
import { toMediaFile } from '../media/to-wire.js';
import { ffprobe } from './ffprobe.js';
import type { ProcessorDeps } from './processor.js';

async function analyse(deps: ProcessorDeps, record: MediaRecord): Promise<MediaPatch> {
  if (record.type !== 'video' && record.type !== 'audio' && record.type !== 'image') return {};
  const file = await deps.storage.localPath(record.storageKey);
  let probe;
  try {
    probe = await ffprobe(file, deps.timeoutMs);
  } catch (error) {
    throw new Error(`The ${record.type} could not be read: ${(error as Error).message}`, { cause: error });
  }
  if (record.type === 'video' && !probe.hasVideo) throw new Error('The file has no video stream.');
  if (record.type === 'audio' && !probe.hasAudio) throw new Error('The file has no audio stream.');
  return {
    durationMs: record.type === 'image' ? null : probe.durationMs,
    width: probe.width,
    height: probe.height,
  };
}

export async function processMedia(deps: ProcessorDeps, mediaId: string): Promise<void> {
  const record = await deps.db.getMediaById(mediaId);
  if (!record || record.status !== 'processing') return;
  const progress = (progress: number, stage: string): void =>
    deps.bus.publish(record.tenantId, {
      type: 'media-processing-progress',
      operationId: record.operationId,
      fileId: record.id,
      data: { progress, stage },
    });

  let patch: MediaPatch;
  try {
    progress(0, 'probing');
    patch = { ...(await analyse(deps, record)), status: 'ready', error: null };
    progress(100, 'done');
  } catch (error) {
    patch = { status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
  const updated = await deps.db.updateMedia(record.id, patch);
  if (updated)
    deps.bus.publish(record.tenantId, { type: 'media-updated', file: toMediaFile(updated, deps.basePath) });
}
