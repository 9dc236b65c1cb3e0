// The WebSocket relay at `${basePath}/events`: authenticates the upgrade, then forwards each bus
// event to the sockets of the event's tenant only.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerEvent } from '@mediabay/core/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../bus/event-bus.js';
import { HttpError } from '../http/errors.js';
import type { Authenticate } from '../options.js';

export interface RelayOptions {
  path: string;
  bus: EventBus;
  authenticate: Authenticate;
}

export interface Relay {
  attach(server: HttpServer): void;
  close(): Promise<void>;
}

interface Client {
  ws: WebSocket;
  tenantId: string;
}

function refuse(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function createRelay({ path, bus, authenticate }: RelayOptions): Relay {
  // Clients never need to send us anything large: a small maxPayload turns huge frames into a close.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024, clientTracking: false });
  const clients = new Set<Client>();
  const servers = new Set<HttpServer>();

  const unsubscribe = bus.subscribe((tenantId: string, event: ServerEvent) => {
    const text = JSON.stringify(event);
    for (const client of clients) {
      if (client.tenantId === tenantId && client.ws.readyState === client.ws.OPEN) client.ws.send(text);
    }
  });

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== path) return; // another upgrade handler's business
    let auth;
    try {
      auth = await authenticate(req);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      refuse(socket, status, status === 500 ? 'Internal Server Error' : 'Refused');
      return;
    }
    if (!auth) {
      refuse(socket, 401, 'Unauthorized');
      return;
    }
    const tenantId = auth.tenantId;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { ws, tenantId };
      clients.add(client);
      ws.on('close', () => clients.delete(client));
      ws.on('error', () => ws.terminate());
    });
  }

  const listener = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    void onUpgrade(req, socket, head);
  };

  return {
    attach(server) {
      if (servers.has(server)) return;
      servers.add(server);
      server.on('upgrade', listener);
    },
    async close() {
      unsubscribe();
      for (const server of servers) server.off('upgrade', listener);
      servers.clear();
      for (const { ws } of clients) ws.close(1001, 'server closing');
      clients.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
