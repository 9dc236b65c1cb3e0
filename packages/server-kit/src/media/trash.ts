// The trash: moving files there (usage guards as for a delete) and back. A trashed file keeps its id,
// bytes, tags and usages; it leaves the library's lists and searches and still counts in the quotas.
// Events: `media-deleted` when trashed (it left the library), `media-created` when restored (it came back).
import type { FileInUse } from '@mediabay/core/protocol';
import { type AccessContext, requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import type { MediaDatabase, MediaRecord } from '../db/database.js';
import type { AuthContext } from '../options.js';
import { HttpError } from '../http/errors.js';
import { toMediaFile } from './to-wire.js';

/** The files among `ids`, in the order asked for. */
export async function loadInOrder(
  db: MediaDatabase,
  tenantId: string,
  ids: string[],
): Promise<MediaRecord[]> {
  const byId = new Map((await db.getMediaMany(tenantId, ids)).map((r) => [r.id, r]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

export function inUseError(files: MediaRecord[]): HttpError {
  const list: FileInUse[] = files.map((r) => ({ fileId: r.id, name: r.name, usages: r.usages }));
  const usages = list.flatMap((f) => f.usages);
  const message =
    files.length === 1
      ? `The file is used in ${usages.length} place${usages.length === 1 ? '' : 's'}.`
      : `${files.length} of the files are in use.`;
  return new HttpError(409, 'file-in-use', message, {}, { usages, files: list });
}

/** Checks `delete` on every file, and `force-delete` on those in use when `force`. */
export async function requireDelete(
  ctx: AccessContext,
  auth: AuthContext,
  records: MediaRecord[],
  force: boolean,
): Promise<void> {
  await requireAccess(ctx, auth, 'delete', records);
  if (force)
    await requireAccess(
      ctx,
      auth,
      'force-delete',
      records.filter((r) => r.usages.length > 0),
    );
}

/**
 * Inside `tx`: moves the tenant's files among `ids` that are in the library to the trash, refused (409)
 * while one is in use unless `force`; one `file.trashed` audit entry each. Returns the ids moved.
 */
export async function trashIn(
  tx: MediaDatabase,
  auth: AuthContext,
  ids: string[],
  force: boolean,
): Promise<string[]> {
  // usages read inside the transaction: one added since the access checks still blocks
  const current = (await loadInOrder(tx, auth.tenantId, ids)).filter((r) => r.trashedAt === null);
  const inUse = current.filter((r) => r.usages.length > 0);
  if (inUse.length > 0 && !force) throw inUseError(inUse);
  const moved = new Set(
    await tx.setTrashed(
      auth.tenantId,
      current.map((r) => r.id),
      new Date().toISOString(),
    ),
  );
  for (const record of current.filter((r) => moved.has(r.id))) {
    await tx.appendAudit({
      tenantId: auth.tenantId,
      userId: auth.userId,
      action: 'file.trashed',
      fileId: record.id,
      operationId: record.operationId,
      detail: {
        name: record.name,
        ownerId: record.ownerId,
        ...(record.usages.length > 0 ? { force: true, usages: record.usages } : {}),
      },
    });
  }
  return [...moved];
}

/** Moves files to the trash (unknown and already trashed ids are skipped); returns the ids moved. */
export async function trashMedia(
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'bus'>,
  auth: AuthContext,
  ids: string[],
  options: { force?: boolean } = {},
): Promise<string[]> {
  const force = options.force === true;
  await requireDelete(ctx, auth, await loadInOrder(ctx.db, auth.tenantId, ids), force);
  const fileIds = await ctx.db.transaction((tx) => trashIn(tx, auth, ids, force));
  if (fileIds.length > 0) ctx.bus.publish(auth.tenantId, { type: 'media-deleted', fileIds, trashed: true });
  return fileIds;
}

/** Brings trashed files back (ids not in the trash are skipped); returns them as they are now. */
export async function restoreMedia(
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'bus'>,
  auth: AuthContext,
  ids: string[],
): Promise<MediaRecord[]> {
  await requireAccess(ctx, auth, 'delete', await loadInOrder(ctx.db, auth.tenantId, ids));
  const restored = await ctx.db.transaction(async (tx) => {
    const back = new Set(await tx.setTrashed(auth.tenantId, ids, null));
    const records = (await loadInOrder(tx, auth.tenantId, ids)).filter((r) => back.has(r.id));
    for (const record of records) {
      await tx.appendAudit({
        tenantId: auth.tenantId,
        userId: auth.userId,
        action: 'file.restored',
        fileId: record.id,
        operationId: record.operationId,
        detail: { name: record.name, ownerId: record.ownerId },
      });
    }
    return records;
  });
  for (const record of restored) {
    const file = toMediaFile(record, ctx.urls);
    ctx.bus.publish(auth.tenantId, { type: 'media-created', file });
  }
  return restored;
}
