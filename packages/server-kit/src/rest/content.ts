// Serves stored bytes from our own fs stream (tus's GET can crash the process on an aborted
// download): Range, safe headers, and a client that goes away simply ends the stream.
import { consoleLogger, type Logger } from '../logger.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { MediaRecord } from '../db/database.js';
import type { MediaStorage } from '../storage/storage.js';
import { parseRange } from './range.js';

const INLINE_TYPES = new Set(['image', 'video', 'audio']);

/** RFC 5987 ext-value: percent-encodes all but attr-char (encodeURIComponent leaves ' ( ) * as they are). */
const extValue = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 6266 filename: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${extValue(name)}`;
}

export async function sendStored(
  req: IncomingMessage,
  res: ServerResponse,
  storage: MediaStorage,
  options: { key: string; mimeType: string; disposition: string; etag: string },
  logger: Logger = consoleLogger,
): Promise<void> {
  const size = await storage.size(options.key);
  const headers: Record<string, string | number> = {
    'Content-Type': options.mimeType,
    'Accept-Ranges': 'bytes',
    'Content-Disposition': options.disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    // Cross-Origin-Resource-Policy: set by http/cors.ts (cross-origin for allowed origins only)
    'Cache-Control': 'private, max-age=0, must-revalidate',
    ETag: options.etag,
  };
  if (req.headers['if-none-match'] === options.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const range = parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 }).end();
    return;
  }
  const partial = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
  if (partial) {
    headers['Content-Range'] = `bytes ${partial.start}-${partial.end}/${size}`;
    headers['Content-Length'] = partial.end - partial.start + 1;
  } else {
    headers['Content-Length'] = size;
  }
  res.writeHead(partial ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(storage.read(options.key, partial), res);
  } catch (error) {
    // A client that hangs up mid-download is normal; anything else is logged, never thrown.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
      logger.error('content', error);
    res.destroy();
  }
}

export function sendMediaContent(
  req: IncomingMessage,
  res: ServerResponse,
  storage: MediaStorage,
  record: MediaRecord,
  logger: Logger = consoleLogger,
  options: { download?: boolean } = {},
): Promise<void> {
  const inline = INLINE_TYPES.has(record.type) && record.status === 'ready';
  // `?download=1`: the browser saves the file under its name instead of showing it
  const kind = inline && options.download !== true ? 'inline' : 'attachment';
  return sendStored(
    req,
    res,
    storage,
    {
      key: record.storageKey,
      // Anything we would not show inline is sent as opaque bytes: an HTML "image" never renders.
      mimeType: inline ? record.mimeType : 'application/octet-stream',
      disposition: contentDisposition(kind, record.name),
      etag: `"${record.id}-${record.size}"`,
    },
    logger,
  );
}
