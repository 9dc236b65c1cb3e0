// Removes incomplete uploads older than the configured expiry (their rows, then their bytes: a HEAD in
// between finds no upload, never a row whose bytes are gone), and audit entries older than the audit
// retention. Bytes whose removal failed or was cut off are removed by the store's own sweeps
// (removeExpired; the local store's at start, storage/partial-files.ts).
import type { MediaContext } from '../context.js';
import { uploadKey } from '../storage/keys.js';

export async function sweepExpiredUploads(
  ctx: Pick<MediaContext, 'options' | 'db' | 'storage'>,
  now = Date.now(),
): Promise<number> {
  try {
    const before = new Date(now - ctx.options.limits.uploadExpiryMs).toISOString();
    const stale = await ctx.db.listStaleUploads(before);
    for (const upload of stale) {
      await ctx.db.transaction(async (tx) => {
        // sweeps may overlap (a slow one and the next, or two instances): one of them records it
        if (!(await tx.deleteUpload(upload.id))) return;
        await tx.appendAudit({
          tenantId: upload.tenantId,
          userId: upload.ownerId,
          action: 'upload.failed',
          operationId: upload.operationId,
          detail: { name: upload.name, reason: 'expired', offset: upload.offset },
        });
      });
      await ctx.storage.remove(uploadKey(upload.id));
    }
    await ctx.storage.removeExpired(); // bytes without a row (a crash between the two writes)
    const retention = ctx.options.auditRetentionMs;
    if (Number.isFinite(retention)) await ctx.db.pruneAudit(new Date(now - retention).toISOString());
    return stale.length;
  } catch (error) {
    ctx.options.logger.error('expiry sweep failed', error);
    return 0;
  }
}
