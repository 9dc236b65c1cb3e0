// Routes about who may do what and what was done: `GET /me`, `GET /audit` (admins), and
// `POST /bulk-tag` (tags on a selection, all or nothing).
import type { BulkTagResponse, Me } from '@mediabay/core/protocol';
import { permissionsOf, requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { objectWith, readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { bulkTag } from '../media/tagging.js';
import { toMediaFile } from '../media/to-wire.js';
import { parseAuditParams } from './audit-params.js';
import type { Router } from './router.js';
import { idList, tagList } from './validate.js';

export function addAccessRoutes(
  router: Router,
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'bus'>,
): void {
  router.add('GET', '/me', async ({ res, auth }) => {
    const me: Me = {
      userId: auth.userId,
      tenantId: auth.tenantId,
      roles: auth.roles,
      can: await permissionsOf(ctx, auth),
    };
    sendJson(res, 200, me);
  });

  router.add('GET', '/audit', async ({ res, url, auth }) => {
    await requireAccess(ctx, auth, 'audit');
    sendJson(res, 200, await ctx.db.listAudit(parseAuditParams(url.searchParams, auth.tenantId)));
  });

  router.add('POST', '/bulk-tag', async ({ req, res, auth }) => {
    const body = objectWith(await readJson(req), ['fileIds', 'add', 'remove']);
    const fileIds = idList(body.fileIds);
    const add = body.add === undefined ? [] : tagList(body.add);
    const remove = body.remove === undefined ? [] : tagList(body.remove);
    if (add.length === 0 && remove.length === 0)
      throw new HttpError(400, 'invalid-field', 'add or remove: give at least one tag.');
    if (add.some((t) => remove.includes(t)))
      throw new HttpError(400, 'invalid-field', 'A tag cannot be both added and removed.');
    const updated = await bulkTag(ctx, auth, fileIds, add, remove);
    const files = updated.map((r) => toMediaFile(r, ctx.urls));
    for (const file of files) ctx.bus.publish(auth.tenantId, { type: 'media-updated', file });
    const answer: BulkTagResponse = { success: true, updatedCount: files.length, files };
    sendJson(res, 200, answer);
  });
}
