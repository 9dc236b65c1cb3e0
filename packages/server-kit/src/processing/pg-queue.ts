// The scale-out engine: processing jobs in PostgreSQL through pg-boss 10 (schema `mediabay_jobs`),
// taken by any server or `mediabay worker` that runs jobs. A run keeps its job alive with a heartbeat
// (pg-boss 10 has none: `started_on` is moved on every third of the expiry); a process that dies
// stops beating, the job expires and is retried by another, with backoff. A job that throws is
// retried the same way. Fair share: a tenant's job gets a lower priority the more of its files are
// already waiting, so one tenant's backlog cannot hold the others'.
import PgBoss from 'pg-boss';
import { MIN_EXPIRE_MS, type JobQueue, type JobRun, type ProcessingJob } from './job-queue.js';

export const JOBS_SCHEMA = 'mediabay_jobs';
const QUEUE = 'mediabay-processing';
const BASE_PRIORITY = 1_000_000;

export interface PgQueueOptions {
  connectionString: string;
  /** jobs running at once in this process */
  concurrency: number;
  /** a job whose process stopped beating is retried after this long */
  expireMs: number;
  /** files of the tenant waiting for processing now (for the fair-share priority) */
  backlog(tenantId: string): Promise<number>;
}

type Job = PgBoss.JobWithMetadata<ProcessingJob>;

export function createPgQueue(options: PgQueueOptions): JobQueue {
  const expireSeconds = Math.ceil(Math.max(MIN_EXPIRE_MS, options.expireMs) / 1000);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOBS_SCHEMA,
    max: options.concurrency + 2,
    // expired jobs are found by maintenance: as often as half an expiry, at most once a minute
    maintenanceIntervalSeconds: Math.min(60, Math.max(1, Math.floor(expireSeconds / 2))),
  });
  boss.on('error', (error: unknown) => console.error('[mediabay] job queue', error));
  const started = boss.start().then(() =>
    boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: 10,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: expireSeconds,
    }),
  );
  const sql = (text: string, values: unknown[]) => boss.getDb().executeSql(text, values);
  let running = 0;
  let waiters: (() => void)[] = [];
  let working = false;
  let closed = false;

  const owned = (job: Job): Promise<boolean> =>
    sql(
      `SELECT 1 FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
      [QUEUE, job.id, job.retryCount],
    ).then((result) => result.rows.length === 1);

  async function runOne(job: Job, run: (run: JobRun) => Promise<void>): Promise<void> {
    running += 1;
    const beat = setInterval(
      () => {
        sql(
          `UPDATE ${JOBS_SCHEMA}.job SET started_on = now()
           WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
          [QUEUE, job.id, job.retryCount],
        ).catch((error: unknown) => console.error('[mediabay] job heartbeat', error));
      },
      (expireSeconds * 1000) / 3,
    );
    try {
      await run({ job: job.data, stillHeld: () => owned(job) });
    } finally {
      clearInterval(beat);
      running -= 1;
      if (running === 0) for (const resolve of waiters.splice(0)) resolve();
    }
  }

  return {
    async send(job) {
      await started;
      const waiting = await options.backlog(job.tenantId);
      await boss.send(QUEUE, job, { priority: Math.max(0, BASE_PRIORITY - waiting) });
    },
    async orphans(jobs) {
      if (jobs.length === 0) return [];
      await started;
      const { rows } = await sql(
        `SELECT DISTINCT data->>'mediaId' AS id FROM ${JOBS_SCHEMA}.job
         WHERE name = $1 AND state IN ('created', 'retry', 'active') AND data->>'mediaId' = ANY($2)`,
        [QUEUE, jobs.map((job) => job.mediaId)],
      );
      const pending = new Set(rows.map((row: { id: string }) => row.id));
      return jobs.filter((job) => !pending.has(job.mediaId));
    },
    async start(run) {
      await started;
      if (working || closed) return;
      working = true;
      const work = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: 0.5 };
      for (let i = 0; i < options.concurrency; i++) {
        await boss.work<ProcessingJob>(QUEUE, work, async ([job]) => {
          if (job) await runOne(job, run);
        });
      }
    },
    idle: () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    async close() {
      closed = true;
      await started.catch(() => undefined);
      if (working) await boss.offWork(QUEUE).catch(() => undefined);
      // running jobs return soon (the processor killed their children); then the pool closes
      await boss.stop({ graceful: true, wait: true, timeout: 30_000, close: true }).catch(() => undefined);
      waiters = [];
    },
  };
}
