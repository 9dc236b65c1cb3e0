// The read side of the REST API: list, one file, its bytes, and the polling fallback for operations.
import type { OperationStatus } from '@mediabay/core/protocol';
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { isClientOperationId } from '../media/operation-ids.js';
import { publicMessage } from '../media/public-message.js';
import { HttpError, notFound } from '../http/errors.js';
import { sendJson } from '../http/respond.js';
import { isId } from '../media/ids.js';
import { toMediaFile } from '../media/to-wire.js';
import { downloadFlag, serveMediaRead } from './media-reads.js';
import { parseListParams } from './list-params.js';
import type { RouteContext, Router } from './router.js';

export async function loadOwned(ctx: Pick<MediaContext, 'db'>, tenantId: string, id: string | undefined) {
  if (!isId(id)) throw new HttpError(400, 'invalid-id', 'That is not a file id.');
  const record = await ctx.db.getMedia(tenantId, id);
  if (!record) throw notFound();
  return record;
}

export function addMediaReadRoutes(
  router: Router,
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'storage'>,
): void {
  router.add('GET', '/', async ({ res, url, auth }: RouteContext) => {
    await requireAccess(ctx, auth, 'read');
    const page = await ctx.db.listMedia(parseListParams(url.searchParams, auth.tenantId));
    sendJson(res, 200, {
      items: page.items.map((r) => toMediaFile(r, ctx.urls)),
      nextCursor: page.nextCursor,
      total: page.total,
    });
  });

  router.add('GET', '/operations/:operationId', async ({ res, auth, params }) => {
    const operationId = params.operationId;
    if (!isClientOperationId(operationId))
      throw new HttpError(400, 'invalid-id', 'That is not an operation id.');
    await requireAccess(ctx, auth, 'read');
    const media = await ctx.db.getMediaByOperation(auth.tenantId, operationId);
    let status: OperationStatus;
    if (media) {
      status = { operationId, status: media.status, progress: 100, fileId: media.id };
      if (media.error) status.error = publicMessage(media.error);
    } else {
      const upload = await ctx.db.getUploadByOperation(auth.tenantId, operationId);
      if (!upload) throw notFound('operation');
      const progress = upload.size ? Math.floor((upload.offset / upload.size) * 100) : 0;
      status = { operationId, status: 'uploading', progress };
    }
    sendJson(res, 200, status);
  });

  router.add('GET', '/:id', async ({ res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    sendJson(res, 200, toMediaFile(record, ctx.urls));
  });

  router.add('GET', '/:id/thumbnail', async ({ req, res, url, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    await serveMediaRead({ ctx, req, res, url, record, rest: ['thumbnail'] });
  });

  router.add('GET', '/:id/content', async ({ req, res, url, auth, params }) => {
    downloadFlag(url.searchParams); // a bad flag is a 400 before anything is looked up
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    await serveMediaRead({ ctx, req, res, url, record, rest: ['content'] });
  });
}
