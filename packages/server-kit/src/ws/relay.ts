// The WebSocket relay at `${basePath}/events`: checks Origin and the caller on upgrade (reporting
// each refusal), forwards each bus event to the sockets of the event's tenant only (with per-client
// backpressure; other users' upload progress paced by progress-gate.ts), and pings every client so
// dead connections are dropped.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerEvent } from '@mediabay/core/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Audience, EventBus } from '../bus/event-bus.js';
import { HttpError } from '../http/errors.js';
import type { Forwarded } from '../http/forwarded.js';
import { originAllowed, type OriginPolicy } from '../http/origin.js';
import type { SocketRefusal } from '../access/socket-refusals.js';
import type { AuthContext, Authenticate } from '../options.js';
import { callerKey } from '../http/caller-key.js';
import { createCallerSlots } from './caller-slots.js';
import { createClientSender, frameOf, type ClientSender } from './client-sender.js';
import { parseClientMessage } from './client-messages.js';
import { createProgressGate, type ProgressGate } from './progress-gate.js';
import { ticketOf } from './tickets.js';

export interface RelayOptions {
  path: string;
  bus: EventBus;
  authenticate: Authenticate;
  origins: OriginPolicy;
  /** Reads the caller's address for refusals (through trusted proxies). */
  forwarded: Forwarded;
  /** ms between pings; a client that has not answered the previous one is dropped. Default 30 s. */
  heartbeatMs?: number;
  /** socket bytes buffered before events queue and progress coalesces. Default 64 KiB. */
  highWaterMark?: number;
  /** Counts an upgrade against the caller's request rate; throws an HttpError (429) to refuse it. */
  countRequest?: (auth: AuthContext, req: IncomingMessage) => void | Promise<void>;
  /** Whether the caller may read the library (and so hear its events); refused with 403 if not. */
  mayRead?: (auth: AuthContext) => boolean | Promise<boolean>;
  /**
   * The identity a socket ticket (`?ticket=`) stands for, used instead of `authenticate`; undefined
   * for an unknown, used or expired ticket (refused 401). See ws/tickets.ts.
   */
  redeemTicket?: (ticket: string) => Promise<AuthContext | undefined>;
  /** Told of every refused upgrade (for the audit log); must not throw. */
  onRefused?: (refusal: SocketRefusal) => void;
  /** Open sockets one caller (user, or address when anonymous) may hold; 429 beyond. Default 32; 0: no cap. */
  maxPerCaller?: number;
  /** Upgrades from one address being judged at once (before the caller is known); 429 beyond. Default 16. */
  maxPendingPerAddress?: number;
}

export interface Relay {
  attach(server: HttpServer): void;
  readonly clientCount: number;
  close(): Promise<void>;
}

interface Client {
  ws: WebSocket;
  tenantId: string;
  sender: ClientSender;
  gate: ProgressGate;
  alive: boolean;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  429: 'Too Many Requests',
};

type Verdict = { auth: AuthContext } | { status: number; code: string; auth?: AuthContext | undefined };

const refusalOf = (error: unknown, auth?: AuthContext): Verdict =>
  error instanceof HttpError
    ? { status: error.status, code: error.code, auth }
    : { status: 500, code: 'internal-error', auth };

/** Answers and closes: the socket is destroyed once the answer is written (no half-open leftovers). */
function refuse(socket: Duplex, status: number): void {
  const text = STATUS_TEXT[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
    socket.destroy(),
  );
  // a caller that never reads its answer does not keep the descriptor either
  setTimeout(() => socket.destroy(), 5000).unref();
}

export function createRelay(options: RelayOptions): Relay {
  const { path, bus, authenticate, origins } = options;
  // Clients never need to send us anything large: a small maxPayload turns huge frames into a close.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024, clientTracking: false });
  const clients = new Set<Client>();
  const servers = new Set<HttpServer>();
  const senderOptions = { highWaterMark: options.highWaterMark ?? 64 * 1024, maxQueue: 10_000 };
  // the API's own prefix: an upgrade to any other path under it is ours to refuse
  const apiPrefix = `${path.slice(0, path.lastIndexOf('/'))}/`;
  const sockets = createCallerSlots(options.maxPerCaller ?? 32);
  const pending = createCallerSlots(options.maxPendingPerAddress ?? 16);

  const unsubscribe = bus.subscribe((tenantId: string, event: ServerEvent, audience?: Audience) => {
    let frame: Buffer | undefined; // serialized once, and only if a socket is sent it
    const now = Date.now();
    for (const client of clients)
      if (client.tenantId === tenantId && client.gate.admit(event, audience, now))
        client.sender.send(event, (frame ??= frameOf(event)));
  });

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }, options.heartbeatMs ?? 30_000).unref();

  /** Whether the upgrade may proceed; a refusal says who asked when that is known. */
  async function judge(req: IncomingMessage): Promise<Verdict> {
    const crossSite = !originAllowed(req, origins);
    const ticket = options.redeemTicket ? ticketOf(req) : undefined;
    let auth: AuthContext | null;
    try {
      // asked even for a cross-site upgrade: the refusal then names whose credentials were sent
      auth =
        ticket === undefined ? await authenticate(req) : ((await options.redeemTicket?.(ticket)) ?? null);
    } catch (error) {
      return crossSite ? { status: 403, code: 'cross-site-refused' } : refusalOf(error);
    }
    if (crossSite) return { status: 403, code: 'cross-site-refused', auth: auth ?? undefined };
    if (!auth) return { status: 401, code: ticket === undefined ? 'unauthenticated' : 'invalid-ticket' };
    try {
      await options.countRequest?.(auth, req);
      if (options.mayRead && !(await options.mayRead(auth))) return { status: 403, code: 'forbidden', auth };
    } catch (error) {
      return refusalOf(error, auth);
    }
    return { auth };
  }

  /** Judges the upgrade while holding one of its address's pending slots. */
  async function judgeBounded(req: IncomingMessage, address: string): Promise<Verdict> {
    if (!pending.take(address)) return { status: 429, code: 'rate-limited' };
    try {
      return await judge(req);
    } finally {
      pending.give(address);
    }
  }

  async function onUpgrade(
    server: HttpServer,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): Promise<void> {
    socket.on('error', () => socket.destroy());
    const pathname = (req.url ?? '/').split('?', 1)[0] as string;
    if (pathname !== path) {
      // Under the API, or with no other upgrade handler on this server, nobody else will answer it.
      if (pathname.startsWith(apiPrefix) || server.listenerCount('upgrade') <= 1) refuse(socket, 404);
      return;
    }
    const address = options.forwarded.address(req);
    const verdict = await judgeBounded(req, address);
    const caller = 'auth' in verdict && verdict.auth ? callerKey(verdict.auth, address) : '';
    const refusal: Verdict =
      'status' in verdict || sockets.take(caller)
        ? verdict
        : { status: 429, code: 'too-many-sockets', auth: verdict.auth };
    if ('status' in refusal) {
      refuse(socket, refusal.status);
      options.onRefused?.({
        ...refusal,
        remoteAddress: address,
        origin: req.headers.origin,
      });
      return;
    }
    // the slot is the TCP socket's, also when the handshake itself is refused by ws
    if (socket.destroyed) return sockets.give(caller);
    socket.once('close', () => sockets.give(caller));
    const { auth } = refusal;
    const tenantId = auth.tenantId;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sender = createClientSender(ws, senderOptions);
      const client: Client = { ws, tenantId, sender, gate: createProgressGate(auth.userId), alive: true };
      clients.add(client);
      ws.on('pong', () => (client.alive = true));
      // a client whose own request reports an upload's progress asks not to be sent it (client-messages.ts)
      ws.on('message', (data, isBinary) => {
        const message = parseClientMessage(data, isBinary);
        if (message) client.gate.mute(message.operationId);
      });
      ws.on('close', () => clients.delete(client));
      ws.on('error', () => ws.terminate());
    });
  }

  function listener(this: HttpServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    void onUpgrade(this, req, socket, head);
  }

  return {
    attach(server) {
      if (servers.has(server)) return;
      servers.add(server);
      server.on('upgrade', listener);
    },
    get clientCount() {
      return clients.size;
    },
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const server of servers) server.off('upgrade', listener);
      servers.clear();
      for (const { ws } of clients) ws.close(1001, 'server closing');
      clients.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
