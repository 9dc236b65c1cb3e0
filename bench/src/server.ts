// The real server kit on loopback (its own data directory), plus the bench pages at `/<widget>.html`
// on the same origin, so every widget talks to the same API without CORS.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMediaServer } from '@mediabay/server-kit';
import type { BuiltWidget, Widget } from './build.js';

export interface BenchServer {
  url: string;
  /** requests to the media API so far, by method and first path segment (`POST uploads`) */
  requests(): Map<string, number>;
  close(): Promise<void>;
}

const page = (widget: Widget) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/${widget}.css"></head><body style="margin:0">
<input type="file" id="bench-file" hidden>
<script type="module" src="/${widget}.js"></script></body></html>`;

export async function startBenchServer(
  dataDir: string,
  pages: Map<Widget, BuiltWidget>,
): Promise<BenchServer> {
  // Thousands of bench uploads from one user would trip the per-user rate limit.
  const media = createMediaServer({ dataDir, limits: { rateLimit: { max: 0, windowMs: 60_000 } } });
  const requests = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (path === '/api/media' || path.startsWith('/api/media/')) {
      const kind = `${req.method} ${path.split('/')[3] ?? ''}`;
      requests.set(kind, (requests.get(kind) ?? 0) + 1);
      return media.handler(req, res);
    }
    const match = /^\/(\w+)\.(html|js|css)$/.exec(path);
    const built = match ? pages.get(match[1] as Widget) : undefined;
    if (!match || !built) {
      res.statusCode = 404;
      return res.end();
    }
    const [, name, ext] = match;
    const types = { html: 'text/html', js: 'text/javascript', css: 'text/css' } as const;
    res.setHeader('content-type', `${types[ext as keyof typeof types]}; charset=utf-8`);
    res.end(ext === 'html' ? page(name as Widget) : ext === 'js' ? built.js : built.css);
  });
  server.requestTimeout = 0; // a 1 GiB PATCH must not be cut at Node's default 300 s
  media.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => new Map(requests),
    async close() {
      await media.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
