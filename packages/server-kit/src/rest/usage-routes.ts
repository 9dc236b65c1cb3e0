// `GET/PUT/DELETE /:id/usages`: where a file is used (`{courseId, lessonId?}`). Changes need
// `manage-usages` and are written with their `usage.added` / `usage.removed` audit entry; a file in
// the trash takes no new usage (409 `file-in-trash`).
import type { Usage } from '@mediabay/core/protocol';
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { HttpError, notFound } from '../http/errors.js';
import { objectWith, readJson } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import { toMediaFile } from '../media/to-wire.js';
import { loadOwned } from './media-routes.js';
import type { Router } from './router.js';
import { usage } from './validate.js';

const detailOf = (u: Usage): Record<string, unknown> =>
  u.lessonId ? { courseId: u.courseId, lessonId: u.lessonId } : { courseId: u.courseId };

export function addUsageRoutes(
  router: Router,
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'bus'>,
): void {
  router.add('GET', '/:id/usages', async ({ res, auth, params }) => {
    const record = await loadOwned(ctx, auth.tenantId, params.id);
    await requireAccess(ctx, auth, 'read', [record]);
    sendJson(res, 200, { usages: record.usages });
  });

  for (const method of ['PUT', 'DELETE'] as const) {
    router.add(method, '/:id/usages', async ({ req, res, auth, params }) => {
      const record = await loadOwned(ctx, auth.tenantId, params.id);
      await requireAccess(ctx, auth, 'manage-usages', [record]);
      const wanted = usage(objectWith(await readJson(req), ['courseId', 'lessonId']));
      // a file in the trash is on its way out: nothing new may start to use it (removing a usage is
      // fine, and the guard on a permanent delete still counts what it had)
      if (method === 'PUT' && record.trashedAt !== null) {
        throw new HttpError(409, 'file-in-trash', 'The file is in the trash; restore it before using it.');
      }
      const updated = await ctx.db.transaction(async (tx) => {
        const changed =
          method === 'PUT' ? await tx.addUsage(record.id, wanted) : await tx.removeUsage(record.id, wanted);
        if (!changed && method === 'DELETE') throw new HttpError(404, 'not-found', 'No such usage.');
        if (changed) {
          await tx.appendAudit({
            tenantId: auth.tenantId,
            userId: auth.userId,
            action: method === 'PUT' ? 'usage.added' : 'usage.removed',
            fileId: record.id,
            operationId: record.operationId,
            detail: detailOf(wanted),
          });
        }
        const after = await tx.updateMedia(record.id, {});
        if (!after) throw notFound();
        return after;
      });
      ctx.bus.publish(auth.tenantId, {
        type: 'media-updated',
        file: toMediaFile(updated, ctx.urls),
      });
      sendJson(res, 200, { usages: updated.usages });
    });
  }
}
