// A GET (or HEAD) of a MediaFile URL without credentials: its signature (media/signed-urls.ts) stands
// in for them, for that one read of that one file. Anything else, writes above all, is not ours to
// answer (the caller gets the usual 401). A file gone, or in the trash for a link made while it was in
// the library, is 404; an expired or altered signature 403 (signed-urls.ts: the trash's own links).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaContext } from '../context.js';
import { HttpError, notFound } from '../http/errors.js';
import { isId } from '../media/ids.js';
import { mediaReadFor } from './media-reads.js';

/** Serves the read and returns true, or returns false when the request is not a signed media read. */
export async function serveSignedRead(
  ctx: Pick<MediaContext, 'options' | 'db' | 'urls' | 'storage'>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  segments: string[],
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!ctx.urls.isSigned(url.searchParams)) return false;
  const [id, ...rest] = segments;
  const serve = mediaReadFor(rest);
  if (!serve) return false;
  if (!isId(id)) throw new HttpError(400, 'invalid-id', 'That is not a file id.');
  const tenantId = await ctx.db.mediaTenant(id);
  if (tenantId === undefined) throw notFound();
  const record = await ctx.db.getMedia(tenantId, id);
  if (!record) throw notFound();
  const kind = rest.join('/');
  const check = ctx.urls.verify(tenantId, id, kind, url.searchParams, record.trashedAt);
  // a link of the file's time in the library: what the trash hides, as for a deleted file
  if (
    check === 'invalid' &&
    record.trashedAt !== null &&
    ctx.urls.verify(tenantId, id, kind, url.searchParams) !== 'invalid'
  )
    throw notFound();
  if (check === 'expired') {
    throw new HttpError(
      403,
      'url-expired',
      'This media link has expired: load the file again for a new one.',
    );
  }
  if (check === 'invalid') {
    throw new HttpError(403, 'invalid-signature', 'This media link is not valid for this file.');
  }
  await serve({ ctx, req, res, url, record, rest });
  return true;
}
