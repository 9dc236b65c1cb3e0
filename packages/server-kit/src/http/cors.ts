// CORS for the allowed origins only: the tus and REST headers a cross-origin widget needs, with
// credentials (cookies) for those origins, and a Cross-Origin-Resource-Policy that lets them embed
// content and thumbnails (`<img>`, `<video>`) while every other site is refused by the browser.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FILE_ID_HEADER, OPERATION_ID_HEADER } from '@mediabay/core/protocol';

const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Tus-Resumable',
  'Upload-Checksum',
  'Upload-Concat',
  'Upload-Defer-Length',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Offset',
  'X-HTTP-Method-Override',
  'X-Request-ID',
  'X-Requested-With',
  'Range',
  'If-None-Match',
].join(', ');
const EXPOSE_HEADERS = [
  'Location',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Tus-Checksum-Algorithm',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Defer-Length',
  'Upload-Metadata',
  'Upload-Expires',
  FILE_ID_HEADER,
  OPERATION_ID_HEADER,
  'Content-Range',
  'Content-Length',
  'Content-Disposition',
  'Accept-Ranges',
  'ETag',
  'Retry-After',
  'X-Request-ID',
].join(', ');

/**
 * The page a request comes from: its Origin, or for the no-cors loads of `<img>` and `<video>`
 * (which send none) the origin of its Referer. undefined when neither says.
 */
export function requestingOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** Our list, plus any `Upload-*` header the preflight asks for (tus extensions to come). */
function allowHeaders(req: IncomingMessage): string {
  const asked = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^upload-[a-z0-9-]{1,64}$/i.test(name));
  return asked.length > 0 ? `${ALLOW_HEADERS}, ${asked.join(', ')}` : ALLOW_HEADERS;
}

export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  res.setHeader('Vary', 'Origin');
  const from = requestingOrigin(req);
  const embeddable = from !== undefined && allowed.includes(from);
  res.setHeader('Cross-Origin-Resource-Policy', embeddable ? 'cross-origin' : 'same-origin');
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', allowHeaders(req));
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
