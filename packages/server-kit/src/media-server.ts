// createMediaServer: wires storage, database, bus, processing, tus, REST and the socket relay
// into one Node request handler plus an upgrade attach, and closes them in order. What starts is in
// media-start.ts, one request's way in media-request.ts.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createRefusalAudit } from './access/socket-refusals.js';
import { createActiveRequests } from './active-requests.js';
import { createLocalBus } from './bus/event-bus.js';
import type { Services } from './config/services.js';
import { callerKey } from './http/caller-key.js';
import { createHostGuard } from './http/host-guard.js';
import { closeSilentConnections } from './http/silent-connections.js';
import { forwardedThrough } from './http/forwarded.js';
import { createRequestHandler } from './media-request.js';
import { startMedia } from './media-start.js';
import { resolveOptions, type AuthContext, type MediaServerOptions } from './options.js';
import { createRouter } from './rest/router.js';
import { createRelay } from './ws/relay.js';
import { createSocketTickets } from './ws/tickets.js';

export interface MediaServer {
  /** A Node request handler; with `next` (Express/Connect) paths outside the API are passed on. */
  handler(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** Serves the socket on `server` and lifts Node's request timeout so long PATCH requests survive. */
  attach(server: HttpServer): void;
  /** Resolves once the database is migrated and interrupted processing re-queued; rejects if that failed. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createMediaServer(options: MediaServerOptions): MediaServer {
  const resolved = resolveOptions(options);
  // The relay listens here; with Redis, events of other instances are delivered here too.
  const localBus = options.bus ?? createLocalBus(resolved.logger);
  const router = createRouter();
  let services: Services | undefined;
  let closing = false;
  const requests = createActiveRequests();
  const forwarded = forwardedThrough(resolved.trustProxy);
  const origins = { allowed: resolved.allowedOrigins, host: forwarded.host };
  const checkHost = resolved.allowedHosts ? createHostGuard(resolved.allowedHosts) : undefined;
  const tickets = createSocketTickets(async () => (await started).ctx.db);
  const started = startMedia({ options, resolved, localBus, router, tickets, opened: (s) => (services = s) });
  const ready = started.then(() => undefined);
  ready.catch(() => undefined); // surfaced through ready() and every request
  const countRequest = async (auth: AuthContext, req: IncomingMessage): Promise<void> => {
    const { limits } = await started;
    await limits.requests.hit(callerKey(auth, forwarded.address(req)));
  };
  // written once the database is open; a server that failed to start records nothing
  const refusals = createRefusalAudit(
    async (entry) => (await started).ctx.db.appendAudit(entry),
    resolved.refusedSockets,
    resolved.logger,
  );
  const relay = createRelay({
    path: `${resolved.basePath}/events`,
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
  const handle = createRequestHandler({
    resolved,
    started,
    router,
    forwarded,
    origins,
    checkHost,
    isClosing: () => closing,
    requests,
  });

  return {
    handler(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) {
      void handle(req, res, next);
    },
    attach(server: HttpServer) {
      // Node's default requestTimeout (300 s) would cut a long PATCH of a big video mid-upload; a
      // stalled body is closed by the idle timeout instead (limits.bodyIdleTimeoutMs).
      server.requestTimeout = 0;
      // Node closes slow headers (headersTimeout) but not a connection that never sends a byte
      closeSilentConnections(server, server.headersTimeout || 60_000);
      relay.attach(server);
    },
    ready: () => ready,
    async close() {
      if (closing) return;
      closing = true;
      await relay.close();
      const running = await started.catch(() => undefined);
      if (running) clearInterval(running.sweeper);
      await refusals.close(); // before the database closes
      await requests.done(resolved.closeGraceMs);
      await running?.ctx.processor.close();
      await services?.close(); // database, storage, Redis
      await localBus.close();
    },
  };
}
