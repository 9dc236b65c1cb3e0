// Test support: the real @mediabay/server-kit on 127.0.0.1 over a temporary data directory.
// Imported by path, not as a dependency: server-kit depends on core (a devDependency back would be a
// workspace cycle). `tsc -b` at the root builds it before tests run.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createMediaServer, type MediaServerOptions } from '../../../server-kit/dist/index.js';

export interface MediaTestServer {
  origin: string;
  endpoint: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export async function startMediaServer(
  options: Partial<MediaServerOptions> & { port?: number } = {},
): Promise<MediaTestServer> {
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-core-')));
  // tests make bursts of requests; the default rate limit is meant for people
  const media = createMediaServer({
    ...options,
    dataDir,
    limits: { rateLimit: { max: 100_000, windowMs: 60_000 }, ...options.limits },
  });
  await media.ready();
  const server = http.createServer((req, res) => media.handler(req, res));
  media.attach(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    endpoint: `http://127.0.0.1:${port}/api/media`,
    port,
    dataDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await media.close();
      if (!options.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { waitFor } from './wait.js';

/** A File of `size` bytes of varied content. */
export function makeFile(size: number, name = 'clip.bin', type = 'application/octet-stream'): File {
  const block = new Uint8Array(64 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 7 + (i >> 8)) & 0xff;
  const parts: BlobPart[] = [];
  for (let left = size; left > 0; left -= block.length)
    parts.push(block.subarray(0, Math.min(left, block.length)));
  return new File(parts, name, { type, lastModified: size });
}
