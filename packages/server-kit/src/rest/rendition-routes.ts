// GET /:id/renditions/:kind: a file's web rendition (Range, safe headers), the bytes a player
// loads through MediaFile.playbackUrl when the original does not play in browsers.
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { serveMediaRead } from './media-reads.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';

export function addRenditionRoutes(
  router: Router,
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'storage'>,
): void {
  router.add('GET', '/:id/renditions/:kind', async ({ req, res, url, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    await serveMediaRead({ ctx, req, res, url, record, rest: ['renditions', params.kind as string] });
  });
}
