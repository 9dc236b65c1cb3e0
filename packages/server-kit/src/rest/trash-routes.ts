// The trash's routes: restore one file or many. Moving to the trash and purging are the DELETE
// routes of write-routes.ts (`DELETE /:id`, `?permanent=true`, `POST /bulk-delete`).
import type { BulkRestoreResponse } from '@mediabay/core/protocol';
import type { MediaContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { objectWith, readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { restoreMedia } from '../media/trash.js';
import { toMediaFile } from '../media/to-wire.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';
import { idList } from './validate.js';

export function addTrashRoutes(
  router: Router,
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'bus'>,
): void {
  router.add('POST', '/bulk-restore', async ({ req, res, auth }) => {
    const fileIds = idList(objectWith(await readJson(req), ['fileIds']).fileIds);
    const restored = await restoreMedia(ctx, auth, fileIds);
    const answer: BulkRestoreResponse = { restoredCount: restored.length };
    sendJson(res, 200, answer);
  });

  router.add('POST', '/:id/restore', async ({ res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    // a file already in the library answers as restored: a retried restore is not an error
    const [restored] = await restoreMedia(ctx, auth, [record.id]);
    const current = restored ?? (await ctx.db.getMedia(auth.tenantId, record.id));
    if (!current) throw notFound();
    sendJson(res, 200, toMediaFile(current, ctx.urls));
  });
}
