// The moment bytes become a library file: the row is inserted as `processing`, the socket hears
// `media-upload-complete` and `media-created`, and the processing job is queued.
import { mediaTypeOf } from '@mediabay/core/protocol';
import type { MediaContext } from '../context.js';
import type { MediaRecord } from '../db/database.js';
import { newId } from './ids.js';
import { toMediaFile } from './to-wire.js';

export interface IngestInput {
  tenantId: string;
  ownerId: string;
  name: string;
  mimeType: string;
  size: number;
  storageKey: string;
  operationId: string;
}

export async function ingestMedia(ctx: MediaContext, input: IngestInput): Promise<MediaRecord> {
  const now = new Date().toISOString();
  const record = await ctx.db.insertMedia({
    id: newId(),
    tenantId: input.tenantId,
    ownerId: input.ownerId,
    name: input.name,
    type: mediaTypeOf(input.mimeType),
    mimeType: input.mimeType,
    size: input.size,
    status: 'processing',
    createdAt: now,
    updatedAt: now,
    storageKey: input.storageKey,
    operationId: input.operationId,
  });
  ctx.bus.publish(input.tenantId, {
    type: 'media-upload-complete',
    operationId: input.operationId,
    fileId: record.id,
    success: true,
  });
  ctx.bus.publish(input.tenantId, { type: 'media-created', file: toMediaFile(record, ctx.options.basePath) });
  ctx.processor.enqueue(record.id);
  return record;
}
