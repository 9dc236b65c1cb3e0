// Opens what createMediaServer was given or told where to find: the database (SQLite in the data
// directory, or PostgreSQL), the storage (local disk, or an S3 bucket), and with Redis the bus between
// instances, the tus upload lock and the shared upload-info cache. A service that cannot be reached
// fails start-up with a message that names it; whatever was opened before is closed again.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Locker } from '@tus/server';
import { RedisKvStore } from '@tus/utils';
import type { MetadataValue } from '@tus/s3-store';
import type { EventBus } from '../bus/event-bus.js';
import { createRedisBus } from '../bus/redis-bus.js';
import type { MediaDatabase } from '../db/database.js';
import { createMediaUrls, type MediaUrls } from '../media/signed-urls.js';
import type { MediaServerOptions, ResolvedOptions } from '../options.js';
import type { RedisConnection } from '../redis/connect.js';
import { createFileStorage } from '../storage/file-storage.js';
import type { MediaStorage } from '../storage/storage.js';
import { RedisLocker } from '../tus/redis-locker.js';
import { connectRedis, createPostgresDatabase, createS3Storage, createSqliteDatabase } from './loaders.js';
import { checkDatabaseUrl, checkRedisUrl, parseStorageUrl } from './service-urls.js';

export interface Services {
  db: MediaDatabase;
  storage: MediaStorage;
  bus: EventBus;
  /** Only with Redis; tus's in-memory locker otherwise. */
  locker?: Locker;
  /** Only with Redis: its connection, for what else is shared between instances (rate limits). */
  redis?: RedisConnection;
  /** The database is this process's own (embedded SQLite). */
  exclusive: boolean;
  /** Makes and checks the signed URLs of MediaFiles (the secret given, or the database's). */
  urls: MediaUrls;
  close(): Promise<void>;
}

export async function openServices(
  options: MediaServerOptions,
  resolved: ResolvedOptions,
  localBus: EventBus,
): Promise<Services> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    let redis: RedisConnection | undefined;
    if (options.redis) {
      redis = await connectRedis(checkRedisUrl(options.redis), resolved.logger);
      closers.push(redis.close);
    }

    let db: MediaDatabase;
    if (typeof options.database === 'string')
      db = await createPostgresDatabase(checkDatabaseUrl(options.database), { logger: resolved.logger });
    else
      db = options.database ?? (await createSqliteDatabase(path.join(resolved.dataDir, 'mediabay.sqlite')));
    closers.push(() => db.close());

    let storage: MediaStorage;
    if (typeof options.storage === 'string') {
      storage = await createS3Storage({
        ...parseStorageUrl(options.storage),
        expiryMs: resolved.limits.uploadExpiryMs,
        // one instance creates an upload, another may receive its next PATCH: the info must be shared
        ...(redis ? { cache: new RedisKvStore<MetadataValue>(redis.client, 'mediabay:tus-info:') } : {}),
      });
    } else {
      storage =
        options.storage ??
        createFileStorage({
          directory: path.join(resolved.dataDir, 'files'),
          expiryMs: resolved.limits.uploadExpiryMs,
        });
    }
    if (storage.close) closers.push(storage.close.bind(storage));

    let bus = localBus;
    let locker: RedisLocker | undefined;
    if (redis) {
      bus = await createRedisBus(redis, { local: localBus, logger: resolved.logger });
      const redisBus = bus;
      closers.push(() => redisBus.close());
      locker = new RedisLocker(redis, { ttlMs: resolved.leases.uploadLockMs });
      await locker.ready();
      const redisLocker = locker;
      closers.push(() => redisLocker.close());
    }
    // the configured secret, else the one the first instance of this database stored
    const secret =
      resolved.urlSigningSecret ??
      (await db.sharedSecret('url-signing', randomBytes(32).toString('base64url')));
    return {
      db,
      storage,
      bus,
      urls: createMediaUrls(resolved.basePath, secret),
      ...(locker ? { locker } : {}),
      ...(redis ? { redis } : {}),
      exclusive: options.database === undefined,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
