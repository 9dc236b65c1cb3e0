// One API request of createMediaServer, in order: inside the base path (else `next` or 404), host,
// started and not closing, CORS preflight, tus discovery, origin, authentication (or a signed read),
// rate limits, dot segments, then tus, the socket's 426 or a REST route. Every failure is one
// `{error:{code,message}}` answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { watchBodyIdle } from './http/body-idle.js';
import { callerKey } from './http/caller-key.js';
import { applyCors } from './http/cors.js';
import { HttpError } from './http/errors.js';
import type { Forwarded } from './http/forwarded.js';
import { checkOrigin, type OriginPolicy } from './http/origin.js';
import { sendError } from './http/respond.js';
import type { ActiveRequests } from './active-requests.js';
import type { Started } from './media-start.js';
import { OPEN_TENANT, type AuthContext, type ResolvedOptions } from './options.js';
import type { Router } from './rest/router.js';
import { serveSignedRead } from './rest/signed-read.js';
import { TUS_VERSION } from './tus/conformance.js';

export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

const isDotSegment = (segment: string): boolean => /^(\.|%2e){1,2}$/i.test(segment);

export function createRequestHandler(deps: {
  resolved: ResolvedOptions;
  started: Promise<Started>;
  router: Router;
  forwarded: Forwarded;
  origins: OriginPolicy;
  checkHost: ((req: IncomingMessage) => void) | undefined;
  isClosing(): boolean;
  requests: ActiveRequests;
}): RequestHandler {
  const { resolved, router, forwarded } = deps;
  const { basePath } = resolved;
  const uploadsPath = `${basePath}/uploads`;

  /**
   * Uploads count once, when created (a tus POST, a multipart POST), so a batch of small files is not
   * stopped by its own PATCH and HEAD requests; every other API request counts against the request rate.
   */
  async function countAgainstLimits(
    { limits }: Started,
    req: IncomingMessage,
    auth: AuthContext,
    segments: string[],
  ): Promise<void> {
    const key = callerKey(auth, forwarded.address(req));
    const upload = segments[0] === 'uploads' || (segments[0] === 'upload' && segments.length === 1);
    if (!upload) await limits.requests.hit(key);
    else if (req.method === 'POST' && segments.length === 1) await limits.uploads.hit(key);
  }

  /** after the checks every request passes: signed reads, then authenticated ones */
  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawPath: string,
    tusRequest: boolean,
  ) {
    const started = await deps.started;
    const { ctx, tus, limits } = started;
    if (deps.isClosing())
      throw new HttpError(503, 'shutting-down', 'The server is shutting down.', { 'Retry-After': '5' });
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204).end(); // a preflight: answered before auth, as browsers send no credentials
      return;
    }
    if (tusRequest && req.method === 'OPTIONS') {
      await tus.discover(req, res); // tus discovery: clients send no credentials
      return;
    }
    checkOrigin(req, deps.origins);
    const auth = await resolved.authenticate(req);
    const segments = rawPath.slice(basePath.length).split('/').filter(Boolean);
    if (!auth && ctx.urls.isSigned(url.searchParams)) {
      // `<img>`/`<video>`/`<track>` cannot send a bearer token: their URLs are signed instead. Only
      // refused ones count against the address (one school behind a NAT loads many thumbnails).
      const served = await serveSignedRead(ctx, req, res, url, segments).catch(async (error: unknown) => {
        await limits.requests.hit(callerKey(OPEN_TENANT, forwarded.address(req)));
        throw error;
      });
      if (served) return;
    }
    if (!auth) throw new HttpError(401, 'unauthenticated', 'Sign in to use the media library.');
    await countAgainstLimits(started, req, auth, segments);
    if (segments.some(isDotSegment))
      throw new HttpError(400, 'invalid-path', 'Paths may not contain dot segments.');
    if (segments[0] === 'uploads') {
      await tus.handle(req, res, auth, segments.slice(1));
      return;
    }
    if (segments[0] === 'events' && segments.length === 1) {
      throw new HttpError(426, 'upgrade-required', 'Connect with a WebSocket.', { Upgrade: 'websocket' });
    }
    const found = router.match(req.method ?? 'GET', segments);
    if ('allowed' in found) {
      if (found.allowed.length === 0) throw new HttpError(404, 'not-found', 'No such route.');
      throw new HttpError(405, 'method-not-allowed', `Use ${found.allowed.join(' or ')}.`, {
        Allow: found.allowed.join(', '),
      });
    }
    await found.handler({ req, res, url, auth, params: found.params });
  }

  return async (req, res, next) => {
    const rawUrl = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    // The raw path, not URL's: URL resolves `%2e%2e` and `..`, which would turn one route into another.
    const rawPath = rawUrl.split('?', 1)[0] as string;
    const url = new URL(rawUrl, 'http://localhost');
    const inside = rawPath === basePath || rawPath.startsWith(`${basePath}/`);
    if (!inside) {
      if (next) next();
      else sendError(res, new HttpError(404, 'not-found', 'No such route.'));
      return;
    }
    // Counted until the response is done or its connection gone, whatever the handler's promise does.
    deps.requests.track(res);
    watchBodyIdle(req, resolved.limits.bodyIdleTimeoutMs);
    const tusRequest = rawPath === uploadsPath || rawPath.startsWith(`${uploadsPath}/`);
    if (tusRequest) res.setHeader('Tus-Resumable', TUS_VERSION); // on every answer, refusals too
    applyCors(req, res, resolved.allowedOrigins); // before anything can fail: a browser reads the error
    try {
      deps.checkHost?.(req);
      await route(req, res, url, rawPath, tusRequest);
    } catch (error) {
      sendError(res, error, resolved.logger);
    }
  };
}
