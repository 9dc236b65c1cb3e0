// GET /:id/renditions/:kind: a file's web rendition (Range, safe headers), the bytes a player
// loads through MediaFile.playbackUrl when the original does not play in browsers.
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { contentDisposition, sendStored } from './content.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';

export function addRenditionRoutes(router: Router, ctx: MediaContext): void {
  router.add('GET', '/:id/renditions/:kind', async ({ req, res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    const rendition = record.renditions.find((r) => r.kind === params.kind);
    if (!rendition) throw notFound('rendition');
    const extension = rendition.mimeType.startsWith('audio/') ? 'm4a' : 'mp4';
    await sendStored(
      req,
      res,
      ctx.storage,
      {
        key: rendition.key,
        mimeType: rendition.mimeType,
        disposition: contentDisposition('inline', `${record.name.replace(/\.[^.]*$/, '')}.${extension}`),
        etag: `"${record.id}-${rendition.kind}-${rendition.size}-${record.updatedAt}"`,
      },
      ctx.options.logger,
    );
  });
}
