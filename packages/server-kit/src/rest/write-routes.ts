// The write side of the REST API: rename and tag, delete one or many, tags with counts. Each route
// checks `authorize` before it changes anything (media/remove.ts and media/tagging.ts do the rest).
import type { IncomingMessage } from 'node:http';
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { isClientOperationId } from '../media/operation-ids.js';
import { HttpError } from '../http/errors.js';
import { objectWith, readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { purgeMedia } from '../media/remove.js';
import { trashMedia } from '../media/trash.js';
import { updateFile } from '../media/tagging.js';
import { toMediaFile } from '../media/to-wire.js';
import { addAccessRoutes } from './access-routes.js';
import { handleFormUpload } from './form-upload.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';
import { addTrashRoutes } from './trash-routes.js';
import { addUsageRoutes } from './usage-routes.js';
import { fileName, idList, tagList } from './validate.js';

function flag(name: string, value: unknown): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new HttpError(400, 'invalid-field', `${name}: must be true or false.`);
}

/** `force` and `permanent` of a DELETE: in the query (`?force=true`), or in a JSON body when one is sent. */
async function deleteFlags(req: IncomingMessage, url: URL): Promise<{ force: boolean; permanent: boolean }> {
  const hasBody = Boolean(req.headers['content-type']) && Number(req.headers['content-length'] ?? 0) > 0;
  const body = hasBody ? objectWith(await readJson(req), ['force', 'permanent']) : {};
  const query = (name: 'force' | 'permanent'): unknown => url.searchParams.get(name) ?? undefined;
  return {
    force: flag('force', query('force')) || flag('force', body.force),
    permanent: flag('permanent', query('permanent')) || flag('permanent', body.permanent),
  };
}

export function addMediaWriteRoutes(router: Router, ctx: MediaContext): void {
  addAccessRoutes(router, ctx); // `/me`, `/audit`, `/bulk-tag` before `/:id`
  addTrashRoutes(router, ctx); // `/bulk-restore`, `/:id/restore`

  router.add('GET', '/tags', async ({ res, auth }) => {
    await requireAccess(ctx, auth, 'read');
    sendJson(res, 200, { tags: await ctx.db.listTags(auth.tenantId) });
  });

  router.add('POST', '/upload', ({ req, res, auth }) => handleFormUpload(ctx, req, res, auth));

  router.add('POST', '/bulk-delete', async ({ req, res, auth }) => {
    const body = objectWith(await readJson(req), ['fileIds', 'operationId', 'force', 'permanent']);
    const fileIds = idList(body.fileIds);
    if (body.operationId !== undefined && !isClientOperationId(body.operationId)) {
      throw new HttpError(400, 'invalid-field', 'operationId: not an operation id.');
    }
    const force = flag('force', body.force);
    const remove = flag('permanent', body.permanent) ? purgeMedia : trashMedia;
    const deleted = await remove(ctx, auth, fileIds, { force });
    sendJson(res, 200, { success: true, deletedCount: deleted.length });
  });

  router.add('PATCH', '/:id', async ({ req, res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    const body = objectWith(await readJson(req), ['name', 'tags']);
    // permissions before values: a refused caller learns nothing from validation errors
    if (body.name !== undefined) await requireAccess(ctx, auth, 'rename', [record]);
    if (body.tags !== undefined) await requireAccess(ctx, auth, 'tag', [record]);
    const change: { name?: string; tags?: string[] } = {};
    if (body.name !== undefined) change.name = fileName(body.name);
    if (body.tags !== undefined) change.tags = tagList(body.tags);
    const file = toMediaFile(await updateFile(ctx, auth, record, change), ctx.urls);
    ctx.bus.publish(auth.tenantId, { type: 'media-updated', file });
    sendJson(res, 200, file);
  });

  router.add('DELETE', '/:id', async ({ req, res, url, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    const { force, permanent } = await deleteFlags(req, url);
    await (permanent ? purgeMedia : trashMedia)(ctx, auth, [record.id], { force });
    res.writeHead(204).end();
  });

  addUsageRoutes(router, ctx);
}
