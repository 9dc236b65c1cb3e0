// Test support: a real media server on 127.0.0.1 (port 0) over a temporary data directory.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from '../db/schema.js';
import { createMediaServer, type MediaServer } from '../media-server.js';
import type { MediaServerOptions } from '../options.js';
import { freshPostgres } from './services.test-helper.js';

export interface TestServer {
  url: string;
  wsUrl: string;
  media: MediaServer;
  http: http.Server;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * With MEDIABAY_TEST_DATABASE=postgres (a second run of the suite in scripts/test-all.sh), every data
 * directory gets its own database on the test PostgreSQL instead of SQLite, kept across restarts.
 */
const onPostgres = process.env.MEDIABAY_TEST_DATABASE === 'postgres';
const postgresOf = new Map<string, { url: string; drop(): Promise<void> }>();

async function databaseFor(dataDir: string): Promise<string> {
  let database = postgresOf.get(dataDir);
  if (!database) {
    database = await freshPostgres();
    postgresOf.set(dataDir, database);
  }
  return database.url;
}

/** The database of a test server's data directory, for tests that change rows behind its back. */
export async function openTestDatabase(dataDir: string): Promise<Kysely<Schema>> {
  if (!onPostgres) {
    return new Kysely<Schema>({
      dialect: new SqliteDialect({ database: new Sqlite(path.join(dataDir, 'mediabay.sqlite')) }),
    });
  }
  const pool = new pg.Pool({ connectionString: await databaseFor(dataDir), max: 1 });
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

export async function startTestServer(options: Partial<MediaServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-test-')));
  const shared =
    onPostgres && options.database === undefined
      ? // a restarted server must not wait out its predecessor's 30 s processing leases
        { database: await databaseFor(dataDir), leases: { processingMs: 1000, ...options.leases } }
      : {};
  const media = createMediaServer({ ...options, ...shared, dataDir });
  await media.ready();
  const server = http.createServer((req, res) => media.handler(req, res));
  media.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/api/media/events`,
    media,
    http: server,
    dataDir,
    async close() {
      server.closeAllConnections();
      // an upgraded socket is no HTTP connection: the server's close waits for it, and media.close()
      // (the relay) is what ends it, so both run at once (a test that failed before closing its
      // socket left its suite's after() waiting forever)
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await media.close();
      await closed;
      if (!options.dataDir) {
        await fs.rm(dataDir, { recursive: true, force: true });
        await postgresOf.get(dataDir)?.drop();
        postgresOf.delete(dataDir);
      }
    },
  };
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. The default is long because
 * many checks wait for processing, whose ffmpeg runs at nice 19 in the idle I/O class: on a busy
 * 2-core machine it gets the CPU last (a passing check returns as soon as it holds). */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A request with the path sent exactly as written (fetch would normalise `%2e%2e` away). */
export function rawRequest(
  base: string,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path: rawPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
