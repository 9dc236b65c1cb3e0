// Users with roles for tests against the real server kit: an `authenticate` that reads
// `Authorization: Bearer <user>`, a client factory that sends it, and a test file's server with both.
import type { IncomingMessage } from 'node:http';
import { after, before } from 'node:test';
import { WebSocket } from 'ws';
import type { MediaServerOptions } from '../../../server-kit/dist/index.js';
import { createMediaClient } from '../client.js';
import type { MediaClient, MediaClientOptions } from '../types.js';
import { startMediaServer, waitFor, type MediaTestServer } from './media-server.js';

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
 * A test file's server kit with users of `roles`: started before its tests (a file's own before()
 * awaits `ready()`), closed after them, with one client per user made on first use (`clientAs`).
 */
export function serverWithRoles(
  roles: Record<string, string[]>,
  options: Partial<MediaServerOptions> = {},
): { readonly server: MediaTestServer; ready(): Promise<void>; client(user: string): MediaClient } {
  let server: MediaTestServer | undefined;
  let starting: Promise<void> | undefined;
  const clients = new Map<string, MediaClient>();
  // started by the first of this before() and a test file's own before() that awaits ready()
  const ready = () =>
    (starting ??= startMediaServer({ ...options, authenticate: authenticateWith(roles) }).then((started) => {
      server = started;
    }));
  before(ready);
  after(async () => {
    for (const made of clients.values()) made.destroy();
    await server?.close();
  });
  const running = (): MediaTestServer => {
    if (!server) throw new Error('the server is not started yet: await ready()');
    return server;
  };
  return {
    get server() {
      return running();
    },
    ready,
    client(user) {
      let made = clients.get(user);
      if (!made) clients.set(user, (made = clientAs(running().endpoint, user)));
      return made;
    },
  };
}

/**
 * Uploads `file` as `uploader` and waits until it is in the default list of each of `watchers`, which
 * keep watching it (the unsubscribes go to `offs`). Resolves with the file's id.
 */
export async function uploadListed(
  uploader: MediaClient,
  file: File,
  watchers: readonly MediaClient[],
  offs: (() => void)[],
): Promise<string> {
  const { accepted } = uploader.addFiles([file]);
  const id = await waitFor(() => uploader.$uploads.get()[accepted[0]!.operationId]?.fileId, 10_000, 'upload');
  for (const client of watchers) {
    offs.push(client.library.watch().subscribe(() => {}));
    await waitFor(
      () =>
        client.library
          .watch()
          .get()
          .items.some((f) => f.id === id) || undefined,
    );
  }
  return id;
}
