// Deleting files: allowed for every file or none (403), refused while in use unless forced by
// someone allowed to (409 with the usages), rows and their `file.deleted` audit entries in one
// transaction, then the bytes, then the `media-deleted` event.
import type { FileInUse } from '@mediabay/core/protocol';
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import type { MediaDatabase, MediaRecord } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import type { AuthContext } from '../options.js';

/** The files among `ids`, in the order asked for. */
async function load(db: MediaDatabase, tenantId: string, ids: string[]): Promise<MediaRecord[]> {
  const byId = new Map((await db.getMediaMany(tenantId, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function inUseError(files: MediaRecord[]): HttpError {
  const list: FileInUse[] = files.map((r) => ({ fileId: r.id, name: r.name, usages: r.usages }));
  const usages = list.flatMap((f) => f.usages);
  const message =
    files.length === 1
      ? `The file is used in ${usages.length} place${usages.length === 1 ? '' : 's'}.`
      : `${files.length} of the files are in use.`;
  return new HttpError(409, 'file-in-use', message, {}, { usages, files: list });
}

/** Deletes the caller's tenant's files among `ids` (unknown ids are skipped); returns the deleted ids. */
export async function removeMedia(
  ctx: MediaContext,
  auth: AuthContext,
  ids: string[],
  options: { force?: boolean } = {},
): Promise<string[]> {
  const force = options.force === true;
  const records = await load(ctx.db, auth.tenantId, ids);
  await requireAccess(ctx, auth, 'delete', records);
  if (force)
    await requireAccess(
      ctx,
      auth,
      'force-delete',
      records.filter((r) => r.usages.length > 0),
    );

  const deleted = await ctx.db.transaction(async (tx) => {
    // usages read again inside the transaction: one added since the checks above still blocks
    const current = await load(tx, auth.tenantId, ids);
    const inUse = current.filter((r) => r.usages.length > 0);
    if (inUse.length > 0 && !force) throw inUseError(inUse);
    const rows = await tx.deleteMedia(
      auth.tenantId,
      current.map((r) => r.id),
    );
    const gone = new Set(rows.map((r) => r.id));
    for (const record of current.filter((r) => gone.has(r.id))) {
      await tx.appendAudit({
        tenantId: auth.tenantId,
        userId: auth.userId,
        action: 'file.deleted',
        fileId: record.id,
        operationId: record.operationId,
        detail: {
          name: record.name,
          ownerId: record.ownerId,
          ...(record.usages.length > 0 ? { force: true, usages: record.usages } : {}),
        },
      });
    }
    return rows;
  });

  for (const record of deleted) {
    const keys = [
      record.storageKey,
      ...(record.thumbnailKey ? [record.thumbnailKey] : []),
      ...record.renditions.map((r) => r.key),
      ...record.captions.map((c) => c.key),
    ];
    for (const key of keys) {
      await ctx.storage
        .remove(key)
        .catch((error: unknown) => console.error('[mediabay] remove bytes', key, error));
    }
    await ctx.db.deleteUploadsOfMedia(record.id);
  }
  const fileIds = deleted.map((r) => r.id);
  if (fileIds.length > 0) ctx.bus.publish(auth.tenantId, { type: 'media-deleted', fileIds });
  return fileIds;
}
