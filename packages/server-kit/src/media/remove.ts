// Deleting files: rows first (so nobody is served a half-deleted file), then their bytes, then the
// `media-deleted` event. Bytes that cannot be removed are logged; the rows are already gone.
import type { MediaContext } from '../context.js';

export async function removeMedia(ctx: MediaContext, tenantId: string, ids: string[]): Promise<string[]> {
  const deleted = await ctx.db.deleteMedia(tenantId, ids);
  for (const record of deleted) {
    const keys = [record.storageKey, ...(record.thumbnailKey ? [record.thumbnailKey] : [])];
    for (const key of keys) {
      await ctx.storage
        .remove(key)
        .catch((error: unknown) => console.error('[mediabay] remove bytes', key, error));
    }
    await ctx.db.deleteUploadsOfMedia(record.id);
  }
  const fileIds = deleted.map((r) => r.id);
  if (fileIds.length > 0) ctx.bus.publish(tenantId, { type: 'media-deleted', fileIds });
  return fileIds;
}
