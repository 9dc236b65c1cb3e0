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
import { contentDisposition, sendMediaContent, sendStored } from './content.js';
import { parseListParams } from './list-params.js';
import type { RouteContext, Router } from './router.js';

export async function loadOwned(ctx: MediaContext, tenantId: string, id: string | undefined) {
  if (!isId(id)) throw new HttpError(400, 'invalid-id', 'That is not a file id.');
  const record = await ctx.db.getMedia(tenantId, id);
  if (!record) throw notFound();
  return record;
}

/** `?download=1` (or `true`): an attachment; absent, `0` or `false`: as usual; anything else a 400. */
function downloadFlag(search: URLSearchParams): boolean {
  const value = search.get('download');
  if (value === null || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true' || value === '') return true;
  throw new HttpError(400, 'invalid-parameter', 'download: must be 1 or 0.');
}

export function addMediaReadRoutes(router: Router, ctx: MediaContext): void {
  const base = ctx.options.basePath;

  router.add('GET', '/', async ({ res, url, auth }: RouteContext) => {
    await requireAccess(ctx, auth, 'read');
    const page = await ctx.db.listMedia(parseListParams(url.searchParams, auth.tenantId));
    sendJson(res, 200, {
      items: page.items.map((r) => toMediaFile(r, base)),
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
    sendJson(res, 200, toMediaFile(record, base));
  });

  router.add('GET', '/:id/thumbnail', async ({ req, res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    if (!record.thumbnailKey) throw notFound('thumbnail');
    await sendStored(
      req,
      res,
      ctx.storage,
      {
        key: record.thumbnailKey,
        mimeType: 'image/jpeg',
        disposition: contentDisposition('inline', `${record.name}.jpg`),
        etag: `"${record.id}-thumb-${record.updatedAt}"`,
      },
      ctx.options.logger,
    );
  });

  router.add('GET', '/:id/content', async ({ req, res, url, auth, params }) => {
    const download = downloadFlag(url.searchParams);
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    await sendMediaContent(req, res, ctx.storage, record, ctx.options.logger, { download });
  });
}
