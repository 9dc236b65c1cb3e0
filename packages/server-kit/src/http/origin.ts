// Cross-site request refusal: a browser request that changes state (or opens the socket) must come
// from the API's own origin or an allowed one, so an embedding page cannot ride a user's cookies.
// Requests without Origin/Sec-Fetch-Site are not from a browser page and carry no CSRF risk.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: IncomingMessage, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') return sameOrigin(req, origin) || allowed.includes(origin);
  if (origin === 'null') return false; // sandboxed frames, file: pages
  return req.headers['sec-fetch-site'] !== 'cross-site';
}

/** Throws 403 for a cross-site state-changing request (the socket relay asks originAllowed itself). */
export function checkOrigin(req: IncomingMessage, allowed: readonly string[]): void {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  if (!originAllowed(req, allowed)) {
    throw new HttpError(403, 'cross-site-refused', 'Requests from another site are not allowed.');
  }
}
