// `mediabay worker`: runs processing jobs (probe, poster, web rendition) against the shared
// PostgreSQL database, storage and Redis of the servers, with no HTTP; stops cleanly on a signal
// (running ffmpeg children are killed and their files taken over by another worker later).
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
  });
  await worker.ready();
  console.log(
    `Mediabay worker: processing jobs of ${redact(args.database)}` +
      `${args.redis ? `, hearing new files through ${redact(args.redis)}` : ' (no Redis: new files found by the sweep)'}.`,
  );
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
