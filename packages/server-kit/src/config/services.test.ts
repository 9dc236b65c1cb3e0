// Start-up against services that cannot be reached: ready() rejects naming the service, nothing leaks.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMediaServer } from '../media-server.js';

describe('start-up with unreachable services', () => {
  let dataDir: string;
  let closedPort: number;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-services-'));
    // a port that was just free: nothing listens there
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedPort = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
  });
  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  const startFails = async (options: Record<string, string>, pattern: RegExp): Promise<void> => {
    const media = createMediaServer({ dataDir, ...options });
    await assert.rejects(media.ready(), pattern);
    await media.close();
  };

  it('names PostgreSQL, without its password', () =>
    startFails(
      { database: `postgres://u:secret@127.0.0.1:${closedPort}/db` },
      /^Error: Cannot reach PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1/,
    ));
  it('names Redis', () =>
    startFails({ redis: `redis://127.0.0.1:${closedPort}` }, /Cannot reach Redis at redis:\/\/127\.0\.0\.1/));
  it('names the S3 endpoint and bucket', () =>
    startFails(
      { storage: `s3://media?endpoint=http://127.0.0.1:${closedPort}&region=us-east-1&forcePathStyle=true` },
      /Cannot reach S3 storage at http:\/\/127\.0\.0\.1:\d+, bucket "media"/,
    ));
  it('explains a malformed address', () => startFails({ storage: '/var/media' }, /expected s3:\/\/BUCKET/));
});
