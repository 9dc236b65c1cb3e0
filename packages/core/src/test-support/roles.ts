// Users with roles for tests against the real server kit: an `authenticate` that reads
// `Authorization: Bearer <user>`, a client factory that sends it, and a test file's server with both.
import type { IncomingMessage } from 'node:http';
import { after, before } from 'node:test';
import { WebSocket } from 'ws';
import type { MediaServerOptions } from '../../../server-kit/dist/index.js';
import { createMediaClient } from '../client.js';
import type { MediaClient, MediaClientOptions } from '../types.js';
import { startMediaServer, type MediaTestServer } from './media-server.js';

/** `authenticate` for `startMediaServer`: the bearer token names a user of `roles`; others get 401. */
export const authenticateWith =
  (roles: Record<string, string[]>) =>
  (req: IncomingMessage): { userId: string; tenantId: string; roles: string[] } | null => {
    const user = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const granted = roles[user];
    return granted ? { userId: user, tenantId: 't', roles: granted } : null;
  };

/** A client of `endpoint` signed in as `user`, on its own: no reload restore, no tab sharing. */
export function clientAs(
  endpoint: string,
  user: string,
  options: Partial<MediaClientOptions> = {},
): MediaClient {
  return createMediaClient({
    endpoint,
    WebSocket,
    headers: () => ({ Authorization: `Bearer ${user}` }),
    removeCompletedAfter: Infinity,
    resumeAfterReload: false,
    shareTabs: false,
    ...options,
  });
}

/**
 * A test file's server kit with users of `roles`: started before its tests, closed after them, with
 * one client per user made on first use (`clientAs`) and destroyed with it.
 */
export function serverWithRoles(
  roles: Record<string, string[]>,
  options: Partial<MediaServerOptions> = {},
): { readonly server: MediaTestServer; client(user: string): MediaClient } {
  let server: MediaTestServer | undefined;
  const clients = new Map<string, MediaClient>();
  before(async () => {
    server = await startMediaServer({ ...options, authenticate: authenticateWith(roles) });
  });
  after(async () => {
    for (const made of clients.values()) made.destroy();
    await server?.close();
  });
  const running = (): MediaTestServer => {
    if (!server) throw new Error('the server starts in before()');
    return server;
  };
  return {
    get server() {
      return running();
    },
    client(user) {
      let made = clients.get(user);
      if (!made) clients.set(user, (made = clientAs(running().endpoint, user)));
      return made;
    },
  };
}
