// Processing after upload: a bounded pool of jobs, each taking a file from `processing` to `ready` or
// `error`. Rows left in `processing` by a crash or restart are re-queued on start.
import type { EventBus } from '../bus/event-bus.js';
import type { MediaDatabase } from '../db/database.js';
import type { MediaStorage } from '../storage/storage.js';
import { processMedia } from './process-media.js';
import { createWorkerPool } from './worker-pool.js';

export interface Processor {
  enqueue(mediaId: string): void;
  /** Re-queues every row still in `processing`; returns how many. */
  recover(): Promise<number>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface ProcessorDeps {
  db: MediaDatabase;
  storage: MediaStorage;
  bus: EventBus;
  basePath: string;
  concurrency: number;
  timeoutMs: number;
}

export function createProcessor(deps: ProcessorDeps): Processor {
  const queued = new Set<string>();
  const pool = createWorkerPool<string>(deps.concurrency, async (mediaId) => {
    try {
      await processMedia(deps, mediaId);
    } finally {
      queued.delete(mediaId);
    }
  });
  return {
    enqueue(mediaId) {
      if (queued.has(mediaId)) return;
      queued.add(mediaId);
      pool.push(mediaId);
    },
    async recover() {
      const stuck = await deps.db.listProcessing();
      for (const record of stuck) this.enqueue(record.id);
      return stuck.length;
    },
    idle: () => pool.idle(),
    close: () => pool.close(),
  };
}
