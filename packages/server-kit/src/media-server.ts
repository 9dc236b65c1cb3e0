// createMediaServer: wires storage, database, bus, processing, tus, REST and the socket relay
// into one Node request handler plus an upgrade attach, and closes them in order.
import fs from 'node:fs/promises';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createRefusalAudit } from './access/socket-refusals.js';
import { createLocalBus } from './bus/event-bus.js';
import type { MediaContext } from './context.js';
import { openServices, type Services } from './config/services.js';
import { HttpError } from './http/errors.js';
import { watchBodyIdle } from './http/body-idle.js';
import { applyCors } from './http/cors.js';
import { createHostGuard } from './http/host-guard.js';
import { closeSilentConnections } from './http/silent-connections.js';
import { forwardedThrough } from './http/forwarded.js';
import { checkOrigin } from './http/origin.js';
import { callerKey } from './http/caller-key.js';
import { createRateLimiter, type RateLimiter } from './http/rate-limit.js';
import { sendError } from './http/respond.js';
import { OPEN_TENANT, resolveOptions, type AuthContext, type MediaServerOptions } from './options.js';
import { processorFor } from './processing/services-processor.js';
import { addMediaReadRoutes } from './rest/media-routes.js';
import { addRenditionRoutes } from './rest/rendition-routes.js';
import { serveSignedRead } from './rest/signed-read.js';
import { addCaptionRoutes } from './rest/caption-routes.js';
import { addMediaWriteRoutes } from './rest/write-routes.js';
import { createRouter } from './rest/router.js';
import { sweepExpiredUploads } from './tus/expiry.js';
import { sweepTrash } from './media/trash-sweep.js';
import { createTusEndpoint, type TusEndpoint } from './tus/tus-endpoint.js';
import { createRelay } from './ws/relay.js';
import { addTicketRoute } from './ws/ticket-route.js';
import { createSocketTickets } from './ws/tickets.js';
import { TUS_VERSION } from './tus/conformance.js';

export interface MediaServer {
  /** A Node request handler; with `next` (Express/Connect) paths outside the API are passed on. */
  handler(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** Serves the socket on `server` and lifts Node's request timeout so long PATCH requests survive. */
  attach(server: HttpServer): void;
  /** Resolves once the database is migrated and interrupted processing re-queued; rejects if that failed. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const isDotSegment = (segment: string): boolean => /^(\.|%2e){1,2}$/i.test(segment);

export function createMediaServer(options: MediaServerOptions): MediaServer {
  const resolved = resolveOptions(options);
  const { basePath } = resolved;
  // The relay listens here; with Redis, events of other instances are delivered here too.
  const localBus = options.bus ?? createLocalBus(resolved.logger);
  // made once services are open: with Redis, every instance counts into the same windows
  let limits: { requests: RateLimiter; uploads: RateLimiter } | undefined;
  const countRequest = async (auth: AuthContext, req: IncomingMessage): Promise<void> => {
    await init;
    await limits?.requests.hit(callerKey(auth, forwarded.address(req)));
  };
  // written once the database is open; a server that failed to start records nothing
  const refusals = createRefusalAudit(
    async (entry) => {
      await init;
      await (ctx as MediaContext).db.appendAudit(entry);
    },
    resolved.refusedSockets,
    resolved.logger,
  );
  const forwarded = forwardedThrough(resolved.trustProxy);
  const origins = { allowed: resolved.allowedOrigins, host: forwarded.host };
  const checkHost = resolved.allowedHosts ? createHostGuard(resolved.allowedHosts) : undefined;
  const tickets = createSocketTickets(async () => {
    await init;
    return (ctx as MediaContext).db;
  });
  const relay = createRelay({
    path: `${basePath}/events`,
    bus: localBus,
    authenticate: async (req) => {
      checkHost?.(req); // refused upgrades answer 421 like requests
      return resolved.authenticate(req);
    },
    origins,
    forwarded,
    ...resolved.socket,
    countRequest,
    mayRead: async (auth) => (await resolved.authorize(auth, 'read')) === true,
    onRefused: (refusal) => refusals.record(refusal),
    redeemTicket: (ticket) => tickets.redeem(ticket),
  });
  const router = createRouter();
  let ctx: MediaContext | undefined;
  let services: Services | undefined;
  let tus: TusEndpoint | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let closing = false;
  // Requests in progress, so close() can let them finish (an acknowledged upload is never lost).
  let active = 0;
  let onIdle: (() => void) | undefined;

  const init = (async () => {
    await fs.mkdir(resolved.dataDir, { recursive: true });
    services = await openServices(options, resolved, localBus);
    const { db, storage, bus } = services;
    limits = {
      requests: createRateLimiter(
        'requests',
        resolved.limits.rateLimit,
        services.redis?.client,
        resolved.logger,
      ),
      uploads: createRateLimiter(
        'uploads',
        resolved.limits.uploadRateLimit,
        services.redis?.client,
        resolved.logger,
      ),
    };
    const processor = await processorFor(services, resolved, options.database);
    // before any write: what writes cut off by a crash left behind (local `.part` files, form
    // uploads whose row was never written)
    if (storage.sweepPartial) await storage.sweepPartial(new Set(await db.mediaStorageKeys('media/')));
    ctx = { options: resolved, db, storage, bus, processor, urls: services.urls };
    tus = createTusEndpoint(ctx, services.locker);
    addTicketRoute(router, ctx, tickets);
    addMediaWriteRoutes(router, ctx); // first: `/tags` and `/bulk-delete` before `/:id`
    addMediaReadRoutes(router, ctx);
    addRenditionRoutes(router, ctx);
    addCaptionRoutes(router, ctx);
    await tus.recover();
    await processor.recover();
    const sweepEvery = Math.min(resolved.limits.uploadExpiryMs / 4, 60 * 60 * 1000);
    const sweep = (): void => {
      void sweepExpiredUploads(ctx as MediaContext);
      void sweepTrash(ctx as MediaContext).catch((e: unknown) => resolved.logger.error('trash sweep', e));
    };
    void sweepTrash(ctx).catch((e: unknown) => resolved.logger.error('trash sweep', e));
    sweeper = setInterval(sweep, sweepEvery).unref();
  })();
  init.catch(() => undefined); // surfaced through ready() and every request

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ): Promise<void> {
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
    active += 1;
    res.once('close', () => {
      active -= 1;
      if (active === 0) onIdle?.();
    });
    watchBodyIdle(req, resolved.limits.bodyIdleTimeoutMs);
    const uploadsPath = `${basePath}/uploads`;
    const tusRequest = rawPath === uploadsPath || rawPath.startsWith(`${uploadsPath}/`);
    if (tusRequest) res.setHeader('Tus-Resumable', TUS_VERSION); // on every answer, refusals too
    applyCors(req, res, resolved.allowedOrigins); // before anything can fail: a browser reads the error
    try {
      checkHost?.(req);
      await init;
      if (closing)
        throw new HttpError(503, 'shutting-down', 'The server is shutting down.', { 'Retry-After': '5' });
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        res.writeHead(204).end(); // a preflight: answered before auth, as browsers send no credentials
        return;
      }
      if (tusRequest && req.method === 'OPTIONS') {
        await (tus as TusEndpoint).discover(req, res); // tus discovery: clients send no credentials
        return;
      }
      checkOrigin(req, origins);
      const auth = await resolved.authenticate(req);
      const segments = rawPath.slice(basePath.length).split('/').filter(Boolean);
      if (!auth && (ctx as MediaContext).urls.isSigned(url.searchParams)) {
        // `<img>`/`<video>`/`<track>` cannot send a bearer token: their URLs are signed instead. Only
        // refused ones count against the address (one school behind a NAT loads many thumbnails).
        const served = await serveSignedRead(ctx as MediaContext, req, res, url, segments).catch(
          async (error: unknown) => {
            await limits?.requests.hit(callerKey(OPEN_TENANT, forwarded.address(req)));
            throw error;
          },
        );
        if (served) return;
      }
      if (!auth) throw new HttpError(401, 'unauthenticated', 'Sign in to use the media library.');
      await countAgainstLimits(req, auth, segments);
      if (segments.some(isDotSegment))
        throw new HttpError(400, 'invalid-path', 'Paths may not contain dot segments.');
      if (segments[0] === 'uploads') {
        await (tus as TusEndpoint).handle(req, res, auth, segments.slice(1));
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
    } catch (error) {
      sendError(res, error, resolved.logger);
    }
  }

  /**
   * Uploads count once, when created (a tus POST, a multipart POST), so a batch of small files is not
   * stopped by its own PATCH and HEAD requests; every other API request counts against the request rate.
   */
  async function countAgainstLimits(
    req: IncomingMessage,
    auth: AuthContext,
    segments: string[],
  ): Promise<void> {
    const key = callerKey(auth, forwarded.address(req));
    const upload = segments[0] === 'uploads' || (segments[0] === 'upload' && segments.length === 1);
    if (!upload) await limits?.requests.hit(key);
    else if (req.method === 'POST' && segments.length === 1) await limits?.uploads.hit(key);
  }

  function requestsDone(graceMs: number): Promise<void> {
    if (active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  return {
    handler(req, res, next) {
      void handle(req, res, next);
    },
    attach(server) {
      // Node's default requestTimeout (300 s) would cut a long PATCH of a big video mid-upload; a
      // stalled body is closed by the idle timeout instead (limits.bodyIdleTimeoutMs).
      server.requestTimeout = 0;
      // Node closes slow headers (headersTimeout) but not a connection that never sends a byte
      closeSilentConnections(server, server.headersTimeout || 60_000);
      relay.attach(server);
    },
    ready: () => init,
    async close() {
      if (closing) return;
      closing = true;
      if (sweeper) clearInterval(sweeper);
      await relay.close();
      await init.catch(() => undefined);
      await refusals.close(); // before the database closes
      await requestsDone(resolved.closeGraceMs);
      await ctx?.processor.close();
      await services?.close(); // database, storage, Redis
      await localBus.close();
    },
  };
}
