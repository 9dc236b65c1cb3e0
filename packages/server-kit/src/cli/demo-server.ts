// The HTTP server behind `mediabay serve`: the media API and socket, the elements bundle at
// `/mediabay/`, and the demo page at `/`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../http/errors.js';
import { createHostGuard } from '../http/host-guard.js';
import { sendError } from '../http/respond.js';
import { createMediaServer, type MediaServer } from '../media-server.js';
import { serveStatic } from './static.js';

export interface DemoServerOptions {
  dataDir: string;
  /** URLs of the scale-out services (see MediaServerOptions). */
  database?: string;
  storage?: string;
  redis?: string;
  /** reverse proxies in front (see MediaServerOptions.trustProxy) */
  trustProxy?: number;
  /** Host names answered, others get 421 (see MediaServerOptions.allowedHosts); default: any */
  allowedHosts?: string[];
  /** see MediaServerOptions.allowedOrigins */
  allowedOrigins?: string[];
  demoDir?: string;
  elementsDir?: string;
  /** see MediaServerOptions.processing and concurrency */
  processing?: 'here' | 'workers';
  concurrency?: number;
  /** see MediaServerOptions.urlSigningSecret */
  urlSigningSecret?: string;
}

/** The built files of @mediabay/elements (`dist/`). */
export function elementsDistDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve('@mediabay/elements/package.json')), 'dist');
  } catch {
    // The package does not export ./package.json: its main entry lives in dist/ as well.
    return path.dirname(require.resolve('@mediabay/elements'));
  }
}

/**
 * The demo page: the repository's `examples/vanilla` (relative to this package's dist/cli/ or
 * src/cli/) in a checkout, else the package's own `demo/` (copied from it when built or packed).
 */
export function defaultDemoDir(): string {
  const repository = fileURLToPath(new URL('../../../../examples/vanilla', import.meta.url));
  if (existsSync(path.join(repository, 'index.html'))) return repository;
  return fileURLToPath(new URL('../../demo', import.meta.url));
}

export function createDemoServer(options: DemoServerOptions): {
  server: http.Server;
  media: MediaServer;
  demoDir: string;
  elementsDir: string;
} {
  const { dataDir, database, storage, redis, trustProxy } = options;
  const media = createMediaServer({
    dataDir,
    ...(trustProxy ? { trustProxy } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.allowedOrigins?.length ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(database ? { database } : {}),
    ...(storage ? { storage } : {}),
    ...(redis ? { redis } : {}),
    ...(options.processing ? { processing: options.processing } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.urlSigningSecret ? { urlSigningSecret: options.urlSigningSecret } : {}),
  });
  const checkHost = options.allowedHosts ? createHostGuard(options.allowedHosts) : undefined;
  const demoDir = options.demoDir ?? defaultDemoDir();
  const elementsDir = options.elementsDir ?? elementsDistDir();
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] as string;
    if (pathname === '/api/media' || pathname.startsWith('/api/media/')) {
      media.handler(req, res);
      return;
    }
    void (async () => {
      checkHost?.(req); // the API checks its own
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'method-not-allowed', 'Only GET and HEAD are served here.', {
          Allow: 'GET, HEAD',
        });
      }
      // the elements bundle as a module script on an allowed page needs CORS
      const origin = req.headers.origin;
      if (origin && options.allowedOrigins?.includes(origin)) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
      }
      const served = pathname.startsWith('/mediabay/')
        ? await serveStatic(req, res, elementsDir, pathname.slice('/mediabay/'.length))
        : await serveStatic(req, res, demoDir, pathname);
      if (!served) throw new HttpError(404, 'not-found', 'No such file.');
    })().catch((error: unknown) => sendError(res, error));
  });
  media.attach(server);
  return { server, media, demoDir, elementsDir };
}
