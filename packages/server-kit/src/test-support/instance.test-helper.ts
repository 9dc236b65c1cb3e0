// Test support: one media server instance in its own process, for the scale-out tests that SIGKILL
// it. Configured by the MEDIABAY_INSTANCE variable (JSON); prints `listening <port>` when ready.
// `slowLocalCopyMs` delays processing's download from the bucket (a slow network), so that a test
// can kill the instance while it holds a processing lease.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisKvStore } from '@tus/utils';
import type { MetadataValue } from '@tus/s3-store';
import { parseStorageUrl } from '../config/service-urls.js';
import { createMediaServer } from '../media-server.js';
import { connectRedis } from '../redis/connect.js';
import { createS3Storage } from '../storage/s3-storage.js';
import type { MediaStorage } from '../storage/storage.js';

interface InstanceConfig {
  dataDir: string;
  database: string;
  storage: string;
  redis: string;
  instanceId: string;
  leases: { processingMs: number; uploadLockMs: number };
  slowLocalCopyMs?: number;
}

const config = JSON.parse(process.env.MEDIABAY_INSTANCE ?? '{}') as InstanceConfig;

async function slowStorage(delayMs: number): Promise<MediaStorage> {
  const redis = await connectRedis(config.redis);
  const storage = await createS3Storage({
    ...parseStorageUrl(config.storage),
    expiryMs: 24 * 60 * 60 * 1000,
    cache: new RedisKvStore<MetadataValue>(redis.client, 'mediabay:tus-info:'),
  });
  return {
    ...storage,
    async localCopy(key) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return storage.localCopy(key);
    },
  };
}

const media = createMediaServer({
  dataDir: config.dataDir,
  database: config.database,
  storage: config.slowLocalCopyMs ? await slowStorage(config.slowLocalCopyMs) : config.storage,
  redis: config.redis,
  instanceId: config.instanceId,
  leases: config.leases,
  limits: { rateLimit: { max: 0, windowMs: 60_000 } },
});
await media.ready();
const server = http.createServer((req, res) => media.handler(req, res));
media.attach(server);
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void media.close().then(() => process.exit(0));
});
