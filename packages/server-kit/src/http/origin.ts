// Cross-site request refusal: a browser request that changes state (or opens the socket) must come
// from the API's own origin or an allowed one, so an embedding page cannot ride a user's cookies.
// Requests without Origin/Sec-Fetch-Site are not from a browser page and carry no CSRF risk.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/** The origins that may change state besides the API's own, and where to read the API's own host. */
export interface OriginPolicy {
  allowed: readonly string[];
  /** The host the browser asked for (behind a trusted proxy: its X-Forwarded-Host). */
  host: (req: IncomingMessage) => string | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: IncomingMessage, origin: string, policy: OriginPolicy): boolean {
  try {
    return new URL(origin).host === policy.host(req);
  } catch {
    return false;
  }
}

export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null')
    return sameOrigin(req, origin, policy) || policy.allowed.includes(origin);
  if (origin === 'null') return false; // sandboxed frames, file: pages
  return req.headers['sec-fetch-site'] !== 'cross-site';
}

/** Throws 403 for a cross-site state-changing request (the socket relay asks originAllowed itself). */
export function checkOrigin(req: IncomingMessage, policy: OriginPolicy): void {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  if (!originAllowed(req, policy)) {
    throw new HttpError(403, 'cross-site-refused', 'Requests from another site are not allowed.');
  }
}
