// Purging files for good (`DELETE ?permanent=true` and the trash's retention sweep). A file still in
// the library goes to the trash first (usage guards as for a delete), then its bytes are removed, and
// only once they all are, its rows and a `file.deleted` audit entry in one transaction: a failure
// leaves the file in the trash, to be purged again, never a row without its bytes or bytes lost early.
import type { MediaContext } from '../context.js';
import type { MediaRecord } from '../db/database.js';
import type { AuthContext } from '../options.js';
import { loadInOrder, requireDelete, trashIn } from './trash.js';

const keysOf = (record: MediaRecord): string[] => [
  record.storageKey,
  ...(record.thumbnailKey ? [record.thumbnailKey] : []),
  ...record.renditions.map((r) => r.key),
  ...record.captions.map((c) => c.key),
];

/**
 * Purges files already in the trash: bytes first, then the record. `userId` is who asked (the
 * sweep's is `system`). Returns the ids purged; a storage failure is thrown after the files before
 * it are purged, and leaves the failing one in the trash.
 */
export async function purgeTrashed(
  ctx: Pick<MediaContext, 'db' | 'storage' | 'bus'>,
  tenantId: string,
  userId: string,
  ids: string[],
): Promise<string[]> {
  const purged: string[] = [];
  try {
    for (const record of await loadInOrder(ctx.db, tenantId, ids)) {
      if (record.trashedAt === null) continue; // restored meanwhile
      for (const key of keysOf(record)) await ctx.storage.remove(key);
      const gone = await ctx.db.transaction(async (tx) => {
        const rows = await tx.deleteMedia(tenantId, [record.id]);
        if (rows.length === 0) return false; // purged by someone else meanwhile
        await tx.appendAudit({
          tenantId,
          userId,
          action: 'file.deleted',
          fileId: record.id,
          operationId: record.operationId,
          detail: { name: record.name, ownerId: record.ownerId, trashedAt: record.trashedAt },
        });
        return true;
      });
      await ctx.db.deleteUploadsOfMedia(record.id);
      if (gone) purged.push(record.id);
    }
  } finally {
    if (purged.length > 0) ctx.bus.publish(tenantId, { type: 'media-deleted', fileIds: purged });
  }
  return purged;
}

/** `DELETE ?permanent=true`: the caller's files among `ids`, in the library or the trash. */
export async function purgeMedia(
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'storage' | 'bus'>,
  auth: AuthContext,
  ids: string[],
  options: { force?: boolean } = {},
): Promise<string[]> {
  const force = options.force === true;
  const records = await loadInOrder(ctx.db, auth.tenantId, ids);
  await requireDelete(ctx, auth, records, force);
  const trashed = await ctx.db.transaction((tx) => trashIn(tx, auth, ids, force));
  if (trashed.length > 0)
    ctx.bus.publish(auth.tenantId, { type: 'media-deleted', fileIds: trashed, trashed: true });
  return purgeTrashed(ctx, auth.tenantId, auth.userId, ids);
}
