// The read side of the REST API: list, one file, its bytes, and the polling fallback for operations.
import { requireAccess } from '../access/guard.js';
import type { MediaContext } from '../context.js';
import { isClientOperationId } from '../media/operation-ids.js';
import { HttpError, invalidParameter, notFound } from '../http/errors.js';
import { sendJson } from '../http/respond.js';
import { isId } from '../media/ids.js';
import { toMediaFile } from '../media/to-wire.js';
import { downloadFlag, serveMediaRead } from './media-reads.js';
import { parseListParams } from './list-params.js';
import { operationStatuses } from './operation-statuses.js';
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

  // many at once (the client's catch-up after its socket was down, and its polling fallback):
  // `?ids=a,b,c`, up to 100; ids the server does not know are left out of `items`
  router.add('GET', '/operations', async ({ res, url, auth }) => {
    const ids = operationIdsParam(url.searchParams);
    await requireAccess(ctx, auth, 'read');
    sendJson(res, 200, { items: await operationStatuses(ctx.db, auth.tenantId, ids) });
  });

  router.add('GET', '/operations/:operationId', async ({ res, auth, params }) => {
    const operationId = params.operationId;
    if (!isClientOperationId(operationId))
      throw new HttpError(400, 'invalid-id', 'That is not an operation id.');
    await requireAccess(ctx, auth, 'read');
    const [status] = await operationStatuses(ctx.db, auth.tenantId, [operationId]);
    if (!status) throw notFound('operation');
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

/** the most operations one `GET /operations?ids=` asks about */
export const OPERATIONS_PER_READ = 100;

function operationIdsParam(params: URLSearchParams): string[] {
  const unknown = [...params.keys()].find((key) => key !== 'ids');
  if (unknown !== undefined) throw invalidParameter(unknown, 'is not a parameter of this request.');
  // `ids=a&ids=b` as `ids=a,b`: a list left out would read as operations the server does not know
  const ids = [...new Set(params.getAll('ids').join(',').split(',').filter(Boolean))];
  if (ids.length === 0) throw invalidParameter('ids', 'name the operations (ids=a,b,c).');
  if (ids.length > OPERATIONS_PER_READ)
    throw invalidParameter('ids', `at most ${OPERATIONS_PER_READ} per request.`);
  const bad = ids.find((id) => !isClientOperationId(id));
  if (bad !== undefined) throw new HttpError(400, 'invalid-id', 'That is not an operation id.');
  return ids;
}
