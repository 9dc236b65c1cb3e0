// Public surface of @mediabay/server-kit.
export { createMediaServer } from './media-server.js';
export type { MediaServer } from './media-server.js';
export { createMediaWorker } from './worker.js';
export type { MediaWorker } from './worker.js';
export { OPEN_TENANT } from './options.js';
export { consoleLogger } from './logger.js';
export type { Logger } from './logger.js';
export type { AuthContext, Authenticate, MediaLimits, MediaServerOptions } from './options.js';
export type { RefusalBounds } from './access/socket-refusals.js';
export { HttpError } from './http/errors.js';
export { defaultAuthorize, ROLE_RULES } from './access/authorize.js';
export type { Authorize, AuthorizeFile, Role } from './access/authorize.js';
export { createLocalBus } from './bus/event-bus.js';
export type { BusListener, EventBus } from './bus/event-bus.js';
export { createRedisBus } from './bus/redis-bus.js';
export type { RedisBusOptions } from './bus/redis-bus.js';
export { connectRedis } from './config/loaders.js';
export type { RedisConnection } from './redis/connect.js';
export { RedisLocker } from './tus/redis-locker.js';
export type { RedisLockerOptions } from './tus/redis-locker.js';
export { createFileStorage } from './storage/file-storage.js';
export { createS3Storage } from './config/loaders.js';
export type { S3StorageOptions } from './storage/s3-storage.js';
export type { ByteRange, LocalCopy, MediaStorage } from './storage/storage.js';
export { parseStorageUrl } from './config/service-urls.js';
export type { S3Location } from './config/service-urls.js';
export { createPostgresDatabase, createSqliteDatabase } from './config/loaders.js';
export type { PostgresOptions } from './db/postgres.js';
export { createKyselyDatabase } from './db/kysely-database.js';
export type {
  AuditQuery,
  ListQuery,
  MediaDatabase,
  NewAuditEntry,
  MediaPatch,
  MediaRecord,
  NewMedia,
  UploadRecord,
} from './db/database.js';
export type { Schema } from './db/schema.js';
