// The trash's retention: files trashed longer than `limits.trashRetentionDays` ago are purged (bytes
// first, see remove.ts). Runs at start and then periodically; a file whose bytes cannot be removed
// now stays in the trash and is tried again on the next run.
import type { MediaContext } from '../context.js';
import { purgeTrashed } from './remove.js';

const BATCH = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges what the retention says is due at `now`; returns how many files were purged. */
export async function sweepTrash(
  ctx: Pick<MediaContext, 'options' | 'db' | 'storage' | 'bus'>,
  now = Date.now(),
): Promise<number> {
  const days = ctx.options.limits.trashRetentionDays;
  if (!Number.isFinite(days) || days < 0) return 0;
  const before = new Date(now - days * DAY_MS).toISOString();
  let purged = 0;
  const failed = new Set<string>();
  for (;;) {
    const due = (await ctx.db.listTrashedBefore(before, BATCH + failed.size)).filter(
      (f) => !failed.has(f.id),
    );
    if (due.length === 0) return purged;
    for (const file of due) {
      try {
        const n = (await purgeTrashed(ctx, file.tenantId, 'system', [file.id])).length;
        if (n === 0) failed.add(file.id); // restored or purged meanwhile: not asked again
        purged += n;
      } catch (error) {
        failed.add(file.id);
        ctx.options.logger.error('trash sweep: purge failed, kept in the trash', { fileId: file.id, error });
      }
    }
  }
}
