// `mediabay worker`: runs processing jobs (probe, poster, web rendition) from the servers' pg-boss
// queue in their PostgreSQL database, on their storage (and Redis, for events), with no HTTP; stops
// cleanly on a signal (running ffmpeg children are killed and their jobs retried by another).
import { redact } from '../config/service-urls.js';
import { createMediaWorker } from '../worker.js';
import type { ServeArgs } from './args.js';

export async function runWorker(args: ServeArgs): Promise<void> {
  if (!args.database)
    throw new Error('mediabay worker needs --database postgres://… (the servers’ database).');
  const worker = createMediaWorker({
    dataDir: args.data,
    database: args.database,
    ...(args.storage ? { storage: args.storage } : {}),
    ...(args.redis ? { redis: args.redis } : {}),
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    ...(args.urlSigningSecret ? { urlSigningSecret: args.urlSigningSecret } : {}),
  });
  await worker.ready();
  console.log(`Mediabay worker: running the processing jobs queued in ${redact(args.database)}.`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    void worker.close().then(() => {
      clearTimeout(force);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
