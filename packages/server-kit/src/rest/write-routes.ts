// The write side of the REST API: rename and tag, delete one or many, tags with counts, usages.
import { isOperationId } from '@mediabay/core/protocol';
import type { MediaContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { objectWith, readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { removeMedia } from '../media/remove.js';
import { toMediaFile } from '../media/to-wire.js';
import { handleFormUpload } from './form-upload.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';
import { fileName, idList, tagList, usage } from './validate.js';

export function addMediaWriteRoutes(router: Router, ctx: MediaContext): void {
  const base = ctx.options.basePath;

  router.add('GET', '/tags', async ({ res, auth }) => {
    sendJson(res, 200, { tags: await ctx.db.listTags(auth.tenantId) });
  });

  router.add('POST', '/upload', ({ req, res, auth }) => handleFormUpload(ctx, req, res, auth));

  router.add('POST', '/bulk-delete', async ({ req, res, auth }) => {
    const body = objectWith(await readJson(req), ['fileIds', 'operationId']);
    const fileIds = idList(body.fileIds);
    if (body.operationId !== undefined && !isOperationId(body.operationId)) {
      throw new HttpError(400, 'invalid-field', 'operationId: not an operation id.');
    }
    const deleted = await removeMedia(ctx, auth.tenantId, fileIds);
    sendJson(res, 200, { success: true, deletedCount: deleted.length });
  });

  router.add('PATCH', '/:id', async ({ req, res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    const body = objectWith(await readJson(req), ['name', 'tags']);
    const name = body.name === undefined ? undefined : fileName(body.name);
    const tags = body.tags === undefined ? undefined : tagList(body.tags);
    if (tags) await ctx.db.setTags(record.id, tags);
    const updated = await ctx.db.updateMedia(record.id, name === undefined ? {} : { name });
    if (!updated) throw new HttpError(404, 'not-found', 'No such file.');
    const file = toMediaFile(updated, base);
    ctx.bus.publish(auth.tenantId, { type: 'media-updated', file });
    sendJson(res, 200, file);
  });

  router.add('DELETE', '/:id', async ({ res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await removeMedia(ctx, auth.tenantId, [record.id]);
    res.writeHead(204).end();
  });

  router.add('GET', '/:id/usages', async ({ res, auth, params }) => {
    sendJson(res, 200, { usages: (await loadOwned(ctx, auth.tenantId, params.id)).usages });
  });

  for (const method of ['PUT', 'DELETE'] as const) {
    router.add(method, '/:id/usages', async ({ req, res, auth, params }) => {
      const record = await loadOwned(ctx, auth.tenantId, params.id);
      const wanted = usage(objectWith(await readJson(req), ['courseId', 'lessonId']));
      if (method === 'PUT') await ctx.db.addUsage(record.id, wanted);
      else if (!(await ctx.db.removeUsage(record.id, wanted)))
        throw new HttpError(404, 'not-found', 'No such usage.');
      const updated = await ctx.db.updateMedia(record.id, {});
      if (!updated) throw new HttpError(404, 'not-found', 'No such file.');
      ctx.bus.publish(auth.tenantId, { type: 'media-updated', file: toMediaFile(updated, base) });
      sendJson(res, 200, { usages: updated.usages });
    });
  }
}
