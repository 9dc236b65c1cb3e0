// The moment bytes become a library file: the type is sniffed from the bytes (refused with 415 and
// the bytes removed if not allowed, audited `upload.failed`), the row is inserted with its
// `upload.completed` entry, the socket hears `media-upload-complete` and `media-created`, and the
// processing job is queued. A file processing has nothing to learn from (documents, other
// downloads: no duration, size or poster) is inserted `ready` and queues no job; the events a
// processed file ends with (processing `done`, `media-updated`) follow `media-created` at once.
import { Buffer } from 'node:buffer';
import type { AuditAction, MediaFile, MediaType } from '@mediabay/core/protocol';
import type { MediaContext } from '../context.js';
import type { MediaRecord, NewAuditEntry } from '../db/database.js';
import { OperationTaken } from '../db/upload-triggers.js';
import { HttpError } from '../http/errors.js';
import type { MediaStorage } from '../storage/storage.js';
import { newId } from './ids.js';
import { replaceMedia, type ReplaceRequest } from './replace.js';
import { checkOperationUse, type OperationUse } from './operation-claim.js';
import { sniff, SNIFF_BYTES, type Sniffed } from './sniff.js';
import { toMediaFile } from './to-wire.js';
import { typeAllowed } from './type-policy.js';

export interface IngestInput {
  tenantId: string;
  ownerId: string;
  name: string;
  /** what the client said; only refines plain text */
  claimedType: string;
  size: number;
  storageKey: string;
  operationId: string;
  /** the tus upload the bytes came from: marked done (or removed) with the file row */
  uploadId?: string;
  /** the file's first bytes (at least SNIFF_BYTES, or all of a smaller file), if the caller has them */
  head?: Buffer;
  /** multipart: the upload is created and completed in one request, so both are audited here */
  auditCreated?: boolean;
  /** the bytes replace those of this file (media/replace.ts) instead of making a new one */
  replace?: ReplaceRequest;
}

/** Whether processing has anything to read from a file of this type (process-media.ts). */
export const needsProcessing = (type: MediaType): boolean =>
  type === 'video' || type === 'audio' || type === 'image';

export async function readHead(storage: MediaStorage, key: string, size: number): Promise<Buffer> {
  if (size === 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of storage.read(key, { start: 0, end: Math.min(size, SNIFF_BYTES) - 1 })) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function sniffStored(
  storage: MediaStorage,
  key: string,
  size: number,
  claimed: string,
): Promise<Sniffed> {
  return sniff(await readHead(storage, key, size), claimed);
}

/** Thrown by ingestMedia when the upload already became a file elsewhere; nothing was stored. */
export class AlreadyFinished extends Error {
  constructor() {
    super('the upload was already finished');
  }
}

export interface Ingested {
  record: MediaRecord;
  /**
   * The operation's file came from an earlier upload of it: the bytes at `storageKey` are a copy no
   * file uses, for the caller to remove once nothing reads them any more.
   */
  copy: boolean;
}

export async function ingestMedia(ctx: MediaContext, input: IngestInput): Promise<Ingested> {
  const sniffed =
    input.head?.length === Math.min(input.size, SNIFF_BYTES)
      ? sniff(input.head, input.claimedType)
      : await sniffStored(ctx.storage, input.storageKey, input.size, input.claimedType);
  const audit: Audit = (action, detail) =>
    ({
      tenantId: input.tenantId,
      userId: input.ownerId,
      action,
      operationId: input.operationId,
      detail: { name: input.name, size: input.size, ...detail },
    }) as const;
  if (!typeAllowed(sniffed.mimeType, ctx.options.limits.allowedTypes)) {
    await ctx.storage.remove(input.storageKey);
    await ctx.db.transaction(async (tx) => {
      if (input.uploadId) await tx.deleteUpload(input.uploadId);
      await tx.appendAudit(
        audit('upload.failed', { reason: 'unsupported-type', mimeType: sniffed.mimeType }),
      );
    });
    throw new HttpError(415, 'unsupported-type', `Files of type ${sniffed.mimeType} are not accepted here.`);
  }
  if (input.replace)
    return { record: await replaceMedia(ctx, { ...input, replace: input.replace }, sniffed), copy: false };
  const made = await insertOnce(ctx, input, sniffed, audit);
  if (made.copy) return made;
  const { record } = made;
  ctx.bus.publish(input.tenantId, {
    type: 'media-upload-complete',
    operationId: input.operationId,
    fileId: record.id,
    success: true,
  });
  const file = toMediaFile(record, ctx.urls);
  ctx.bus.publish(input.tenantId, { type: 'media-created', file });
  if (record.status === 'processing') ctx.processor.enqueue(record.id, record.tenantId);
  else announceReady(ctx, input.tenantId, file);
  return made;
}

/** A file created ready: the events a processed file ends with, for clients that wait for them. */
function announceReady(ctx: Pick<MediaContext, 'bus'>, tenantId: string, file: MediaFile): void {
  ctx.bus.publish(tenantId, {
    type: 'media-processing-progress',
    operationId: file.operationId,
    fileId: file.id,
    data: { progress: 100, stage: 'done' },
  });
  ctx.bus.publish(tenantId, { type: 'media-updated', file });
}

const useOf = (input: IngestInput): OperationUse => ({
  tenantId: input.tenantId,
  ownerId: input.ownerId,
  name: input.name,
  size: input.size,
});

type Audit = (action: AuditAction, detail: Record<string, unknown>) => NewAuditEntry;

/**
 * Inserts the file row with its audit entries, or finds that the operation already has its file
 * (then this upload is marked as having made that one, so a repeated finish answers the same).
 */
async function insertOnce(
  ctx: Pick<MediaContext, 'db'>,
  input: IngestInput,
  sniffed: Sniffed,
  audit: Audit,
): Promise<Ingested> {
  const now = new Date().toISOString();
  try {
    const record = await ctx.db.transaction(async (tx) => {
      // a tus upload passed this check when it was created (and holds the operation since)
      if (!input.uploadId) await checkOperationUse(tx, input.operationId, useOf(input));
      if (input.auditCreated)
        await tx.appendAudit({ ...audit('upload.created', { mimeType: input.claimedType }), at: now });
      // the new row claims the operation and records `upload.completed` (db/upload-triggers.ts),
      // or throws OperationTaken: another upload of the operation made its file first
      const created = await tx.insertMedia({
        id: newId(),
        tenantId: input.tenantId,
        ownerId: input.ownerId,
        name: input.name,
        type: sniffed.type,
        mimeType: sniffed.mimeType,
        size: input.size,
        status: needsProcessing(sniffed.type) ? 'processing' : 'ready',
        createdAt: now,
        updatedAt: now,
        storageKey: input.storageKey,
        operationId: input.operationId,
      });
      // another request or instance made this upload's file meanwhile: undo ours (the transaction)
      if (input.uploadId && !(await tx.setUploadMedia(input.uploadId, created.id, input.size)))
        throw new AlreadyFinished();
      return created;
    });
    return { record, copy: false };
  } catch (error) {
    if (!(error instanceof OperationTaken)) throw error;
  }
  const existing = await ctx.db.getMediaByOperation(input.tenantId, input.operationId);
  // deleted in the meantime: the operation is free again
  if (!existing) return insertOnce(ctx, input, sniffed, audit);
  if (input.uploadId && !(await ctx.db.setUploadMedia(input.uploadId, existing.id, input.size)))
    throw new AlreadyFinished();
  return { record: existing, copy: true };
}

/**
 * Refuses a new upload when the tenant already holds its quota of files. An upload of an operation
 * that already has its file makes none, so it is let through (`operationId`, when known).
 */
export async function checkQuota(
  ctx: Pick<MediaContext, 'options' | 'db'>,
  tenantId: string,
  operationId?: string,
): Promise<void> {
  const max = ctx.options.limits.maxFilesPerTenant;
  if (!Number.isFinite(max) || (await ctx.db.countMedia(tenantId)) < max) return;
  if (operationId && (await ctx.db.getMediaByOperation(tenantId, operationId))) return;
  throw new HttpError(403, 'quota-exceeded', `A library may hold at most ${max} files.`);
}
