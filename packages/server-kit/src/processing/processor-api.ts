// What the rest of the server sees of processing (`Processor`) and what a job is handed
// (`ProcessorDeps`): a leaf of types, so the context and the job code name them without importing
// the processor (processor.ts), which imports the job code.
import type { EventBus } from '../bus/event-bus.js';
import type { MediaDatabase } from '../db/database.js';
import type { MediaUrls } from '../media/signed-urls.js';
import type { MediaStorage } from '../storage/storage.js';
import type { RunTool } from './ffprobe.js';

export interface Processor {
  /** Queues a file; `tenantId` is its turn in the fair queue (looked up when missing). */
  enqueue(mediaId: string, tenantId?: string): void;
  /** Queues again every file in `processing` that has no job (after a restart); returns how many. */
  recover(): Promise<number>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface ProcessorDeps {
  db: MediaDatabase;
  storage: MediaStorage;
  bus: EventBus;
  /** Signs the URLs of the MediaFiles it publishes. */
  urls: MediaUrls;
  concurrency: number;
  timeoutMs: number;
  /** Largest image or frame processed, in pixels. Default 50 MP. */
  maxPixels?: number;
  /** Peak memory of one ffprobe/ffmpeg child, in bytes. Default 512 MiB. */
  memoryBytes?: number;
  /** Runs ffprobe/ffmpeg within the budgets (set by the processor). */
  run?: RunTool;
  /** Aborted when the processor closes: a job then leaves its file for the next start (set by the processor). */
  signal?: AbortSignal;
  /** Whether this run still owns its job: false once another may have taken it (set by the processor). */
  holdsJob?: () => Promise<boolean>;
}
