// The parts of one media server, handed to routes and hooks so none of them builds its own.
import type { EventBus } from './bus/event-bus.js';
import type { MediaDatabase } from './db/database.js';
import type { MediaUrls } from './media/signed-urls.js';
import type { ResolvedOptions } from './options.js';
import type { Processor } from './processing/processor-api.js';
import type { MediaStorage } from './storage/storage.js';

export interface MediaContext {
  options: ResolvedOptions;
  db: MediaDatabase;
  storage: MediaStorage;
  bus: EventBus;
  processor: Processor;
  /** Signed URLs of MediaFiles (media/signed-urls.ts). */
  urls: MediaUrls;
}
