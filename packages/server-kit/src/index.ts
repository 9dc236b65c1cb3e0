// Public surface of @mediabay/server-kit.
export { createMediaServer } from './media-server.js';
export type { MediaServer } from './media-server.js';
export { OPEN_TENANT } from './options.js';
export type { AuthContext, Authenticate, MediaLimits, MediaServerOptions } from './options.js';
export { HttpError } from './http/errors.js';
export { createLocalBus } from './bus/event-bus.js';
export type { BusListener, EventBus } from './bus/event-bus.js';
export { createFileStorage } from './storage/file-storage.js';
export type { ByteRange, MediaStorage } from './storage/storage.js';
export { createSqliteDatabase } from './db/sqlite.js';
export { createKyselyDatabase } from './db/kysely-database.js';
export type {
  ListQuery,
  MediaDatabase,
  MediaPatch,
  MediaRecord,
  NewMedia,
  UploadRecord,
} from './db/database.js';
export type { Schema } from './db/schema.js';
