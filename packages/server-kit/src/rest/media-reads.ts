// The bytes behind a MediaFile's URLs (content, thumbnail, a rendition, a caption track), served once
// the caller may read the file: by the routes (credentials) and by rest/signed-read.ts (a signed URL).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaContext } from '../context.js';
import type { MediaRecord } from '../db/database.js';
import { HttpError, notFound } from '../http/errors.js';
import { captionLanguage } from './caption-text.js';
import { contentDisposition, sendMediaContent, sendStored } from './content.js';

/** One read: the request, the file, and the path segments after its id (`['captions', 'en']`). */
export interface MediaRead {
  ctx: Pick<MediaContext, 'options' | 'storage'>;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  record: MediaRecord;
  rest: string[];
}

/** `?download=1` (or `true`): an attachment; absent, `0` or `false`: as usual; anything else a 400. */
export function downloadFlag(search: URLSearchParams): boolean {
  const value = search.get('download');
  if (value === null || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true' || value === '') return true;
  throw new HttpError(400, 'invalid-parameter', 'download: must be 1 or 0.');
}

function serveContent({ ctx, req, res, url, record }: MediaRead): Promise<void> {
  const download = downloadFlag(url.searchParams);
  return sendMediaContent(req, res, ctx.storage, record, ctx.options.logger, { download });
}

async function serveThumbnail({ ctx, req, res, record }: MediaRead): Promise<void> {
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
}

async function serveRendition({ ctx, req, res, record, rest }: MediaRead): Promise<void> {
  const rendition = record.renditions.find((r) => r.kind === rest[1]);
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
}

async function serveCaption({ ctx, req, res, record, rest }: MediaRead): Promise<void> {
  const lang = captionLanguage(rest[1]);
  const caption = record.captions.find((c) => c.lang === lang);
  if (!caption) throw notFound('caption track');
  await sendStored(
    req,
    res,
    ctx.storage,
    {
      key: caption.key,
      mimeType: 'text/vtt; charset=utf-8',
      disposition: `inline; filename="${lang}.vtt"`,
      etag: `"${record.id}-${lang}-${caption.updatedAt}"`,
    },
    ctx.options.logger,
  );
}

/** The reads by their first segment after the id, and how many segments their path has there. */
const READS: Record<string, { length: number; serve: (read: MediaRead) => Promise<void> }> = {
  content: { length: 1, serve: serveContent },
  thumbnail: { length: 1, serve: serveThumbnail },
  renditions: { length: 2, serve: serveRendition },
  captions: { length: 2, serve: serveCaption },
};

/** The read that serves `rest` (the segments after the file id), if it is one of a MediaFile's URLs. */
export function mediaReadFor(rest: string[]): ((read: MediaRead) => Promise<void>) | undefined {
  const read = Object.hasOwn(READS, rest[0] ?? '') ? READS[rest[0] as string] : undefined;
  return read && read.length === rest.length ? read.serve : undefined;
}

export function serveMediaRead(read: MediaRead): Promise<void> {
  const serve = mediaReadFor(read.rest);
  if (!serve) throw new HttpError(404, 'not-found', 'No such route.');
  return serve(read);
}
