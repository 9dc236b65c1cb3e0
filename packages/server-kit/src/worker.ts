// createMediaWorker: runs processing jobs only (probe, poster, web rendition), no HTTP, so
// transcoding machines scale apart from upload machines. It takes jobs from the servers' pg-boss
// queue in their PostgreSQL database and needs their storage (and Redis, for the events it sends).
import { createLocalBus } from './bus/event-bus.js';
import { openServices, type Services } from './config/services.js';
import { resolveOptions, type MediaServerOptions } from './options.js';
import type { Processor } from './processing/processor.js';
import { processorFor } from './processing/services-processor.js';

export interface MediaWorker {
  /** Resolves once the services are open and files left in processing are queued. */
  ready(): Promise<void>;
  /** Stops taking jobs, kills running ffmpeg children (their files are taken over later), closes. */
  close(): Promise<void>;
}

export function createMediaWorker(options: MediaServerOptions): MediaWorker {
  if (typeof options.database !== 'string' || !/^postgres(ql)?:\/\//.test(options.database)) {
    throw new TypeError("createMediaWorker: a worker needs the shared database (database: 'postgres://…').");
  }
  const resolved = { ...resolveOptions(options), processing: 'here' as const };
  const localBus = options.bus ?? createLocalBus();
  let services: Services | undefined;
  let processor: Processor | undefined;
  const init = (async () => {
    services = await openServices(options, resolved, localBus);
    processor = await processorFor(services, resolved, options.database);
    await processor.recover();
  })();
  init.catch(() => undefined);
  return {
    ready: () => init,
    async close() {
      await init.catch(() => undefined);
      await processor?.close();
      await services?.close();
      await localBus.close();
    },
  };
}
