// Tag changes: one file's PATCH and the bulk add/remove over a selection, each change in one
// transaction with its audit entry (`file.tagged`; `file.updated` when a rename came with it).
import { type AccessContext, requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import type { MediaDatabase, MediaRecord } from '../db/database.js';
import { HttpError, notFound } from '../http/errors.js';
import type { AuthContext } from '../options.js';

/** The most tags one file may carry (a PATCH's list, or what a bulk add would leave). */
export const MAX_TAGS = 32;

export interface TagDiff {
  added: string[];
  removed: string[];
}

export function diffTags(before: string[], after: string[]): TagDiff {
  return {
    added: after.filter((t) => !before.includes(t)),
    removed: before.filter((t) => !after.includes(t)),
  };
}

const changed = (diff: TagDiff): boolean => diff.added.length > 0 || diff.removed.length > 0;

/** Renames and/or retags one file (the caller checked the permissions); returns the new record. */
export async function updateFile(
  ctx: Pick<MediaContext, 'db'>,
  auth: AuthContext,
  record: MediaRecord,
  change: { name?: string; tags?: string[] },
): Promise<MediaRecord> {
  return ctx.db.transaction(async (tx) => {
    if (change.tags) await tx.setTags(record.id, change.tags);
    const updated = await tx.updateMedia(record.id, change.name === undefined ? {} : { name: change.name });
    if (!updated) throw notFound();
    const tags = diffTags(record.tags, updated.tags);
    const renamed = updated.name !== record.name;
    if (renamed || changed(tags)) {
      await tx.appendAudit({
        tenantId: auth.tenantId,
        userId: auth.userId,
        action: renamed ? 'file.updated' : 'file.tagged',
        fileId: record.id,
        operationId: record.operationId,
        detail: renamed
          ? { name: { from: record.name, to: updated.name }, ...(changed(tags) ? { tags } : {}) }
          : { ...tags },
      });
    }
    return updated;
  });
}

async function retag(
  tx: MediaDatabase,
  auth: AuthContext,
  record: MediaRecord,
  add: string[],
  remove: string[],
): Promise<MediaRecord | undefined> {
  const next = [...new Set([...record.tags.filter((t) => !remove.includes(t)), ...add])].sort();
  const diff = diffTags(record.tags, next);
  if (!changed(diff)) return undefined;
  if (next.length > MAX_TAGS) {
    throw new HttpError(
      400,
      'too-many-tags',
      `"${record.name}" would have more than ${MAX_TAGS} tags.`,
      {},
      {
        fileIds: [record.id],
      },
    );
  }
  await tx.setTags(record.id, next);
  await tx.appendAudit({
    tenantId: auth.tenantId,
    userId: auth.userId,
    action: 'file.tagged',
    fileId: record.id,
    operationId: record.operationId,
    detail: { ...diff },
  });
  return tx.getMedia(auth.tenantId, record.id);
}

/**
 * Adds and removes tags on many files, all or nothing: one refused file (403) or one file over the
 * tag limit (400) changes none. Unknown ids are skipped (deleted meanwhile). Returns changed files.
 */
export async function bulkTag(
  ctx: AccessContext,
  auth: AuthContext,
  ids: string[],
  add: string[],
  remove: string[],
): Promise<MediaRecord[]> {
  await requireAccess(ctx, auth, 'tag', await ctx.db.getMediaMany(auth.tenantId, ids));
  return ctx.db.transaction(async (tx) => {
    // the tags as they are now, inside the transaction
    const current = new Map((await tx.getMediaMany(auth.tenantId, ids)).map((r) => [r.id, r]));
    const updated: MediaRecord[] = [];
    for (const id of ids) {
      const record = current.get(id);
      const after = record && (await retag(tx, auth, record, add, remove));
      if (after) updated.push(after);
    }
    return updated;
  });
}
