// Replacing a file's bytes (`replaceFileId` in tus metadata or a multipart field): same id, tags,
// usages and captions; the name only when asked. Checked when the upload starts (the file exists, is
// in the library, and the caller may replace it) and again when its bytes are complete. The row
// switches to the new bytes with its `file.replaced` audit entry in one transaction; only then are
// the old bytes removed; if anything fails before, the file keeps its old bytes and the new ones go.
import type { MediaContext } from '../context.js';
import type { MediaRecord } from '../db/database.js';
import { type AccessContext, requireAccess } from '../access/guard.js';
import { HttpError, notFound } from '../http/errors.js';
import type { AuthContext } from '../access/auth-context.js';
import { isId } from './ids.js';
import type { Sniffed } from './sniff.js';
import { toMediaFile } from './to-wire.js';

export interface ReplaceRequest {
  fileId: string;
  /** give the file the upload's name */
  rename: boolean;
}

/** Reads `replaceFileId`/`replaceName` (tus metadata or form fields); 400 for a malformed id. */
export function replaceRequest(
  fileId: string | undefined,
  rename: string | undefined,
): ReplaceRequest | undefined {
  if (fileId === undefined || fileId === '') return undefined;
  if (!isId(fileId)) throw new HttpError(400, 'invalid-metadata', 'replaceFileId is not a file id.');
  if (rename !== undefined && rename !== 'true' && rename !== 'false')
    throw new HttpError(400, 'invalid-metadata', 'replaceName must be true or false.');
  return { fileId, rename: rename === 'true' };
}

async function replaceable(
  ctx: Pick<MediaContext, 'db'>,
  tenantId: string,
  fileId: string,
): Promise<MediaRecord> {
  const record = await ctx.db.getMedia(tenantId, fileId);
  if (!record) throw notFound();
  if (record.trashedAt !== null)
    throw new HttpError(409, 'file-in-trash', 'The file is in the trash; restore it before replacing it.');
  return record;
}

/** Before any byte is stored: the file exists, is in the library, and the caller may replace it. */
export async function checkReplace(ctx: AccessContext, auth: AuthContext, fileId: string): Promise<void> {
  const record = await replaceable(ctx, auth.tenantId, fileId);
  await requireAccess(ctx, auth, 'replace', [record]);
}

export interface ReplaceInput {
  tenantId: string;
  ownerId: string;
  name: string;
  size: number;
  storageKey: string;
  operationId: string;
  uploadId?: string;
  replace: ReplaceRequest;
}

const derivedKeys = (record: MediaRecord): string[] => [
  record.storageKey,
  ...(record.thumbnailKey ? [record.thumbnailKey] : []),
  ...record.renditions.map((r) => r.key),
];

/**
 * The bytes are complete: switches the file to them. Throws (after removing the new bytes) when the
 * file went away or into the trash meanwhile; the old bytes are then untouched.
 */
export async function replaceMedia(
  ctx: MediaContext,
  input: ReplaceInput,
  sniffed: Sniffed,
): Promise<MediaRecord> {
  let before: MediaRecord | undefined;
  let after: MediaRecord | undefined;
  try {
    [before, after] = await ctx.db.transaction(async (tx) => {
      const old = await replaceable({ ...ctx, db: tx }, input.tenantId, input.replace.fileId);
      const next = await tx.replaceBytes(old.id, {
        storageKey: input.storageKey,
        size: input.size,
        type: sniffed.type,
        mimeType: sniffed.mimeType,
        operationId: input.operationId,
        ...(input.replace.rename ? { name: input.name } : {}),
      });
      if (!next) throw notFound();
      if (input.uploadId) await tx.setUploadMedia(input.uploadId, old.id, input.size);
      await tx.claimOperation(input.tenantId, input.operationId, old.id);
      await tx.appendAudit({
        tenantId: input.tenantId,
        userId: input.ownerId,
        action: 'file.replaced',
        fileId: old.id,
        operationId: input.operationId,
        detail: {
          name: next.name,
          previous: { name: old.name, size: old.size, mimeType: old.mimeType },
          size: next.size,
          mimeType: next.mimeType,
        },
      });
      return [old, next] as const;
    });
  } catch (error) {
    await ctx.storage.remove(input.storageKey).catch(() => undefined);
    if (input.uploadId) await ctx.db.deleteUpload(input.uploadId).catch(() => undefined);
    throw error;
  }
  for (const key of derivedKeys(before)) {
    if (key === input.storageKey) continue;
    await ctx.storage
      .remove(key)
      .catch((error: unknown) => ctx.options.logger.error('replace: old bytes not removed', { key, error }));
  }
  ctx.bus.publish(input.tenantId, {
    type: 'media-upload-complete',
    operationId: input.operationId,
    fileId: after.id,
    success: true,
  });
  ctx.bus.publish(input.tenantId, { type: 'media-updated', file: toMediaFile(after, ctx.urls) });
  ctx.processor.enqueue(after.id, after.tenantId);
  return after;
}
