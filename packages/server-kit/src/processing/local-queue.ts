// The embedded engine: jobs in memory, taken from each tenant in turn (worker-pool.ts). Nothing is
// durable: on start, the processor queues again every file left in processing.
import type { JobQueue, JobRun, ProcessingJob } from './job-queue.js';
import { createWorkerPool } from './worker-pool.js';

export function createLocalQueue(concurrency: number): JobQueue {
  const pending = new Set<string>();
  let runner: ((run: JobRun) => Promise<void>) | undefined;
  const held = async (): Promise<boolean> => true;
  const pool = createWorkerPool<ProcessingJob>(concurrency, async (job) => {
    try {
      await (runner as (run: JobRun) => Promise<void>)({ job, stillHeld: held });
    } finally {
      pending.delete(job.mediaId);
    }
  });
  return {
    async send(job) {
      if (pending.has(job.mediaId) || !runner) return;
      pending.add(job.mediaId);
      pool.push(job, job.tenantId);
    },
    async orphans(jobs) {
      return jobs.filter((job) => !pending.has(job.mediaId));
    },
    async start(run) {
      runner = run;
    },
    idle: () => pool.idle(),
    close: () => pool.close(),
  };
}
