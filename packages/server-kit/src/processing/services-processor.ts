// The processor of a server or a worker, made from the opened services and resolved options, so
// both run jobs the same way. `jobs: 'workers'` makes one that only hands jobs on: it runs none, and
// `mediabay worker` processes (which hear `media-created` through the Redis bus, and sweep for
// files left in processing) take them.
import type { Services } from '../config/services.js';
import type { ResolvedOptions } from '../options.js';
import { createProcessor, type Processor } from './processor.js';

const HANDED_ON: Processor = {
  enqueue: () => undefined,
  recover: async () => 0,
  idle: async () => undefined,
  close: async () => undefined,
};

export function processorFor(services: Services, resolved: ResolvedOptions): Processor {
  if (resolved.processing === 'workers') return HANDED_ON;
  const { db, storage, bus } = services;
  return createProcessor(
    {
      db,
      storage,
      bus,
      basePath: resolved.basePath,
      concurrency: resolved.concurrency,
      timeoutMs: resolved.limits.processingTimeoutMs,
      maxPixels: resolved.limits.maxPixels,
      memoryBytes: resolved.limits.processingMemoryBytes,
    },
    {
      instanceId: resolved.instanceId,
      leaseMs: resolved.leases.processingMs,
      exclusive: services.exclusive,
    },
  );
}
