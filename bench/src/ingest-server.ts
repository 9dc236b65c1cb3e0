// A server for the `ingest` group, run in its own process so its CPU time is its own: the server kit
// (`kit`) or a bare @tus/server with its file store (`bare`, the floor), on loopback. It answers
// `GET /__bench/stats` with its CPU time and, for the kit, the SQL statements SQLite ran (and how many
// of them were BEGIN/COMMIT).
// Usage: node --import tsx src/ingest-server.ts kit|bare <dataDir>   (prints the URL on stdout)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { createMediaServer } from '@mediabay/server-kit';

const [kind, dataDir] = process.argv.slice(2) as ['kit' | 'bare', string];

/**
 * Counts every statement SQLite runs, by wrapping better-sqlite3's Statement (the kit's own copy), and
 * among them the transaction control (BEGIN, COMMIT, ROLLBACK).
 */
function countStatements(): () => { statements: number; control: number } {
  const kitRequire = createRequire(fileURLToPath(import.meta.resolve('@mediabay/server-kit')));
  const Sqlite = kitRequire('better-sqlite3') as new (file: string) => {
    prepare(sql: string): object;
    close(): void;
  };
  const probe = new Sqlite(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  const counts = { statements: 0, control: 0 };
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      counts.statements += 1;
      if (/^\s*(begin|commit|rollback)\b/i.test(this.source)) counts.control += 1;
      return original.apply(this, args);
    };
  }
  return () => ({ ...counts });
}

const statements = kind === 'kit' ? countStatements() : () => ({ statements: 0, control: 0 });
let handler: http.RequestListener;
let close: () => Promise<void> = async () => undefined;
if (kind === 'kit') {
  const media = createMediaServer({
    dataDir,
    limits: { rateLimit: { max: 0, windowMs: 60_000 }, uploadRateLimit: { max: 0, windowMs: 60_000 } },
  });
  handler = media.handler;
  close = () => media.close();
} else {
  const tus = new Server({ path: '/api/media/uploads', datastore: new FileStore({ directory: dataDir }) });
  handler = (req, res) => void tus.handle(req, res);
}

const server = http.createServer((req, res) => {
  if (req.url === '/__bench/stats') {
    const cpu = process.cpuUsage();
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, ...statements() }));
  }
  handler(req, res);
});
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  void close().finally(() => process.exit(0));
});
