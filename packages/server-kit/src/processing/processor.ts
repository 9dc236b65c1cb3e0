// Processing after upload: each job takes a file from `processing` to `ready` or `error`. Jobs go
// through a JobQueue: in process for the embedded SQLite library, pg-boss with PostgreSQL, where any
// server or `mediabay worker` that runs jobs takes them and a dead process's jobs are retried by
// another. Jobs are taken from each tenant in turn; their ffmpeg children run within the memory, CPU
// and pixel budgets (child.ts) and are killed when the processor closes.
import os from 'node:os';
import { createChildGroup, DEFAULT_MEMORY_BYTES } from './child.js';
import type { RunTool } from './ffprobe.js';
import { DEFAULT_MAX_PIXELS } from './header-size.js';
import type { JobQueue, JobRun } from './job-queue.js';
import { processMedia } from './process-media.js';
import type { Processor, ProcessorDeps } from './processor-api.js';

export type { Processor, ProcessorDeps };

export interface ProcessorOptions {
  /** Run jobs in this process (default); false only queues them for workers. */
  work?: boolean;
  /** How often to queue again files in processing that have no job (0: only at recover()). */
  sweepMs?: number;
  /**
   * Files younger than this are left alone by recover(): their job may be on its way to the queue
   * from another process (queueing it twice would run it twice at once). Default 0.
   */
  orphanAfterMs?: number;
}

/** Threads per job so that `concurrency` jobs together use at most every core once. */
export const sharedThreads = (concurrency: number, cores = os.availableParallelism()): number =>
  Math.max(1, Math.floor(cores / Math.max(1, concurrency)));

export function createProcessor(
  deps: ProcessorDeps,
  queue: JobQueue,
  options: ProcessorOptions = {},
): Processor {
  const children = createChildGroup();
  const stopping = new AbortController();
  const run: RunTool = (command, args, runOptions = {}) => {
    const timeoutMs = runOptions.timeoutMs ?? deps.timeoutMs;
    // CPU seconds: the wall clock on every core a child may use
    const budget = {
      memoryBytes: deps.memoryBytes ?? DEFAULT_MEMORY_BYTES,
      cpuSeconds: (timeoutMs / 1000) * 2,
      timeoutMs,
    };
    return children.run(command, args, budget, runOptions);
  };
  // a bounded share of the cores: all jobs' ffmpeg threads together no more than the cores
  run.threads = sharedThreads(deps.concurrency);
  const maxPixels = deps.maxPixels ?? DEFAULT_MAX_PIXELS;
  const jobDeps: ProcessorDeps = { ...deps, maxPixels, run, signal: stopping.signal };

  const runJob = async ({ job, stillHeld }: JobRun): Promise<void> => {
    await processMedia({ ...jobDeps, holdsJob: stillHeld }, job.mediaId);
    // cut short by close(): the file is still processing; failing the job hands it on (pg-boss retries)
    if (stopping.signal.aborted) throw new Error('processing stopped before the job ended');
  };
  const started = options.work === false ? Promise.resolve() : queue.start(runJob);
  started.catch((error: unknown) => console.error('[mediabay] processing could not start', error));

  const send = (mediaId: string, tenantId: string): void => {
    queue
      .send({ mediaId, tenantId })
      .catch((error: unknown) => console.error('[mediabay] processing enqueue', error));
  };

  const processor: Processor = {
    enqueue(mediaId, tenantId) {
      if (stopping.signal.aborted) return;
      if (tenantId !== undefined) {
        void started.then(() => send(mediaId, tenantId));
        return;
      }
      deps.db
        .getMediaById(mediaId)
        .then(async (record) => {
          await started;
          if (record) send(mediaId, record.tenantId);
        })
        .catch((error: unknown) => console.error('[mediabay] processing enqueue', error));
    },
    async recover() {
      await started;
      const before = Date.now() - (options.orphanAfterMs ?? 0);
      const waiting = (await deps.db.listProcessing())
        .filter((r) => Date.parse(r.createdAt) <= before)
        .map((r) => ({ mediaId: r.id, tenantId: r.tenantId }));
      const orphans = await queue.orphans(waiting);
      for (const job of orphans) await queue.send(job);
      return orphans.length;
    },
    idle: () => queue.idle(),
    async close() {
      clearInterval(sweeper);
      stopping.abort();
      children.close();
      await queue.close();
    },
  };

  const sweepMs = options.sweepMs ?? 0;
  const sweeper =
    sweepMs > 0
      ? setInterval(() => {
          processor.recover().catch((error: unknown) => console.error('[mediabay] processing sweep', error));
        }, sweepMs)
      : undefined;
  sweeper?.unref();
  return processor;
}
