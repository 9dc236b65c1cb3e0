// What runs processing jobs: one interface, two engines. Embedded (SQLite): an in-process fair
// queue (local-queue.ts). Scaled out (PostgreSQL): pg-boss (pg-queue.ts), whose jobs any server or
// `mediabay worker` takes, retried with backoff when a run fails or its process dies.
/** Shortest job expiry: a heartbeat every second keeps a run's job (pg-queue.ts). */
export const MIN_EXPIRE_MS = 3000;

export interface ProcessingJob {
  mediaId: string;
  tenantId: string;
}

export interface JobRun {
  job: ProcessingJob;
  /** Whether this run still owns the job (false once it timed out and another may have taken it). */
  stillHeld(): Promise<boolean>;
}

export interface JobQueue {
  /** Queues a file's job (durably with pg-boss); a file with a job pending is not queued twice. */
  send(job: ProcessingJob): Promise<void>;
  /** Of these files in processing, the ones without a pending or running job (to queue again). */
  orphans(jobs: ProcessingJob[]): Promise<ProcessingJob[]>;
  /** Starts taking jobs; `run` throwing makes the job fail and be retried later. */
  start(run: (run: JobRun) => Promise<void>): Promise<void>;
  /** Resolves when this process runs no job and has none queued in memory. */
  idle(): Promise<void>;
  /** Stops taking jobs and waits for running ones to return. */
  close(): Promise<void>;
}
