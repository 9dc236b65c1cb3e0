// The real server kit in this process with the hooks a host app adds: an `authenticate` that knows
// bearer tokens and a session cookie, and the pages on other origins allowed to embed the library.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMediaServer, type AuthContext } from '@mediabay/server-kit';

/** bearer token or session cookie value -> user, all in one tenant */
export const USERS: Record<string, AuthContext> = {
  'alice-token': { userId: 'alice', tenantId: 'lms', roles: ['admin'] },
  'carol-token': { userId: 'carol', tenantId: 'lms', roles: ['admin'] },
  'bob-session': { userId: 'bob', tenantId: 'lms', roles: ['admin'] },
};

export interface AuthServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

function caller(req: http.IncomingMessage): AuthContext | null {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return USERS[bearer] ?? null;
  const session = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  return session ? (USERS[session] ?? null) : null;
}

export async function startAuthServer(dataDir: string, allowedOrigins: string[]): Promise<AuthServer> {
  const media = createMediaServer({
    dataDir,
    allowedOrigins,
    authenticate: caller,
    limits: { rateLimit: { max: 100_000, windowMs: 60_000 } },
  });
  await media.ready();
  const server = http.createServer((req, res) => media.handler(req, res));
  media.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await media.close();
    },
  };
}
