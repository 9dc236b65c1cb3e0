// The processor of a server or a worker, made from the opened services and resolved options, so
// both run jobs the same way: on pg-boss when the database is a PostgreSQL URL (loaded only then),
// else in process. `processing: 'workers'` makes a server that only queues jobs for workers.
import type { Services } from '../config/services.js';
import type { MediaServerOptions, ResolvedOptions } from '../options.js';
import type { JobQueue } from './job-queue.js';
import { createLocalQueue } from './local-queue.js';
import { MIN_EXPIRE_MS } from './job-queue.js';
import { createProcessor, type Processor } from './processor.js';

const isPostgresUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^postgres(ql)?:\/\//.test(value);

async function queueFor(
  services: Services,
  resolved: ResolvedOptions,
  database: MediaServerOptions['database'],
): Promise<JobQueue> {
  if (!isPostgresUrl(database)) {
    if (resolved.processing === 'workers') {
      throw new TypeError(
        "processing: 'workers' needs the shared PostgreSQL database (database: 'postgres://…').",
      );
    }
    return createLocalQueue(resolved.concurrency);
  }
  const { createPgQueue } = await import('./pg-queue.js');
  return createPgQueue({
    connectionString: database,
    concurrency: resolved.concurrency,
    expireMs: resolved.leases.processingMs,
    backlog: (tenantId) => services.db.countProcessing(tenantId),
  });
}

export async function processorFor(
  services: Services,
  resolved: ResolvedOptions,
  database: MediaServerOptions['database'],
): Promise<Processor> {
  const { db, storage, bus } = services;
  const queue = await queueFor(services, resolved, database);
  const shared = isPostgresUrl(database);
  return createProcessor(
    {
      db,
      storage,
      bus,
      urls: services.urls,
      concurrency: resolved.concurrency,
      timeoutMs: resolved.limits.processingTimeoutMs,
      maxPixels: resolved.limits.maxPixels,
      memoryBytes: resolved.limits.processingMemoryBytes,
    },
    queue,
    {
      work: resolved.processing !== 'workers',
      // jobs lost between the file and the queue (a failed send) are found again
      sweepMs: shared ? Math.min(60_000, resolved.leases.processingMs * 2) : 0,
      orphanAfterMs: shared ? Math.max(MIN_EXPIRE_MS, resolved.leases.processingMs) : 0,
    },
  );
}
