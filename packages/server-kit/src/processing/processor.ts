// Processing after upload: a bounded pool of jobs, each taking a file from `processing` to `ready` or
// `error`. A job runs only under a lease in the database (claimProcessing), renewed while it runs, so
// with several instances each file is processed by exactly one of them; a lease whose holder died runs
// out and the periodic sweep (or the start-up recovery) of any instance takes the file over.
// Jobs are taken from each tenant in turn (worker-pool.ts); their ffmpeg children run within the
// memory, CPU and pixel budgets (child.ts) and are killed when the processor closes.
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../bus/event-bus.js';
import type { MediaDatabase } from '../db/database.js';
import type { MediaStorage } from '../storage/storage.js';
import { createChildGroup, DEFAULT_MEMORY_BYTES } from './child.js';
import type { RunTool } from './ffprobe.js';
import { DEFAULT_MAX_PIXELS } from './header-size.js';
import { processMedia } from './process-media.js';
import { createWorkerPool } from './worker-pool.js';

export interface Processor {
  /** Queues a file; `tenantId` is its turn in the fair queue (looked up when missing). */
  enqueue(mediaId: string, tenantId?: string): void;
  /** Queues every file in `processing` whose lease is free or ran out; returns how many. */
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
  /** Largest image or frame processed, in pixels. Default 50 MP. */
  maxPixels?: number;
  /** Peak memory of one ffprobe/ffmpeg child, in bytes. Default 512 MiB. */
  memoryBytes?: number;
  /** Runs ffprobe/ffmpeg within the budgets (set by the processor). */
  run?: RunTool;
  /** Aborted when the processor closes: a job then leaves its file for the next start (set by the processor). */
  signal?: AbortSignal;
  /** Renews the job's lease and says whether this process still holds it (set by the processor). */
  holdsLease?: (mediaId: string) => Promise<boolean>;
}

export interface LeaseOptions {
  /** Who holds a lease; unique per process. */
  instanceId?: string;
  /** How long a lease lasts unless renewed (renewed every third of it). Default 30 s. */
  leaseMs?: number;
  /** How often to look for files whose lease ran out; 0 turns the sweep off. Default: half the lease. */
  sweepMs?: number;
  /**
   * The database belongs to this process alone (embedded SQLite): leases left by an earlier run of
   * it are taken over at once instead of waiting for them to run out.
   */
  exclusive?: boolean;
}

const SWEEP_BATCH = 100;

export function createProcessor(deps: ProcessorDeps, lease: LeaseOptions = {}): Processor {
  const owner = lease.instanceId ?? randomUUID();
  const leaseMs = lease.leaseMs ?? 30_000;
  const sweepMs = lease.sweepMs ?? leaseMs / 2;
  // "now" as the lease check sees it: an exclusive database has no other live holder
  const clock = (): number => (lease.exclusive ? Number.MAX_SAFE_INTEGER : Date.now());
  const claim = (mediaId: string): Promise<boolean> =>
    deps.db.claimProcessing(mediaId, owner, Date.now() + leaseMs, clock());

  const children = createChildGroup();
  const stopping = new AbortController();
  const run: RunTool = (command, args, options = {}) => {
    const timeoutMs = options.timeoutMs ?? deps.timeoutMs;
    // CPU seconds: the wall clock on every core a child may use
    const budget = {
      memoryBytes: deps.memoryBytes ?? DEFAULT_MEMORY_BYTES,
      cpuSeconds: (timeoutMs / 1000) * 2,
      timeoutMs,
    };
    return children.run(command, args, budget, options);
  };
  const maxPixels = deps.maxPixels ?? DEFAULT_MAX_PIXELS;
  const jobDeps: ProcessorDeps = { ...deps, maxPixels, run, signal: stopping.signal, holdsLease: claim };

  const queued = new Set<string>();
  const pool = createWorkerPool<string>(deps.concurrency, async (mediaId) => {
    try {
      if (!(await claim(mediaId))) return; // another instance runs it, or it is done
      const renewal = setInterval(() => {
        claim(mediaId).catch((error: unknown) => console.error('[mediabay] lease renewal', error));
      }, leaseMs / 3);
      try {
        await processMedia(jobDeps, mediaId);
      } finally {
        clearInterval(renewal);
      }
    } finally {
      queued.delete(mediaId);
    }
  });

  const processor: Processor = {
    enqueue(mediaId, tenantId) {
      if (queued.has(mediaId) || stopping.signal.aborted) return;
      queued.add(mediaId);
      if (tenantId !== undefined) {
        pool.push(mediaId, tenantId);
        return;
      }
      deps.db
        .getMediaById(mediaId)
        .then((record) => pool.push(mediaId, record?.tenantId ?? ''))
        .catch((error: unknown) => {
          queued.delete(mediaId);
          console.error('[mediabay] processing enqueue', error);
        });
    },
    async recover() {
      const ids = await deps.db.listUnclaimedProcessing(clock(), SWEEP_BATCH);
      for (const id of ids) {
        const record = await deps.db.getMediaById(id);
        if (record) processor.enqueue(id, record.tenantId);
      }
      return ids.length;
    },
    idle: () => pool.idle(),
    async close() {
      clearInterval(sweeper);
      stopping.abort();
      children.close();
      await pool.close();
    },
  };

  const sweeper =
    sweepMs > 0
      ? setInterval(() => {
          processor.recover().catch((error: unknown) => console.error('[mediabay] processing sweep', error));
        }, sweepMs)
      : undefined;
  sweeper?.unref();
  return processor;
}
