// The real server kit on loopback (its own data directory), plus the bench pages at `/<widget>.html`
// on the same origin, so every widget talks to the same API without CORS. `GET /__bench/stats`
// answers what the process has spent so far (server-process.ts runs it in a process of its own).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { createMediaServer } from '@mediabay/server-kit';
import type { BuiltWidget, Widget } from './build.js';

/** What the server's process has spent since it started (read twice and subtract). */
export interface ServerStats {
  /** requests to the media API, by method and first path segment (`POST uploads`) */
  requests: Record<string, number>;
  /** CPU time of the whole process (user + system) */
  cpuMs: number;
  /** garbage collection pauses, and how many were major (mark-compact) */
  gcMs: number;
  majorGcs: number;
}

export interface BenchServer {
  url: string;
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

export const fetchStats = async (url: string) =>
  (await (await fetch(`${url}/__bench/stats`)).json()) as ServerStats;

/** Counts this process's GC pauses from now until `stop()`. */
function watchGc() {
  const totals = { gcMs: 0, majorGcs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      totals.gcMs += entry.duration;
      const { detail } = entry as unknown as { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) totals.majorGcs += 1;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { totals, stop: () => observer.disconnect() };
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
  const requests: Record<string, number> = {};
  const gc = watchGc();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (path === '/api/media' || path.startsWith('/api/media/')) {
      const kind = `${req.method} ${path.split('/')[3] ?? ''}`;
      requests[kind] = (requests[kind] ?? 0) + 1;
      return media.handler(req, res);
    }
    if (path === '/__bench/stats') {
      const { user, system } = process.cpuUsage();
      const stats: ServerStats = { requests, cpuMs: (user + system) / 1000, ...gc.totals };
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify(stats));
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
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stats: () => fetchStats(url),
    async close() {
      gc.stop();
      await media.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
