// Users with roles for tests against the real server kit: an `authenticate` that reads
// `Authorization: Bearer <user>` and a client factory that sends it.
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { createMediaClient } from '../client.js';
import type { MediaClient, MediaClientOptions } from '../types.js';

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
