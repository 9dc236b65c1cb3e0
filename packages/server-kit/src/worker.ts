// createMediaWorker: runs processing jobs only (probe, poster, web rendition), no HTTP, so
// transcoding machines scale apart from upload machines. It needs what the servers share: the
// PostgreSQL database, the storage, and Redis (which brings it `media-created` at once; without
// Redis it finds new files by its periodic sweep).
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
  if (options.database === undefined) {
    throw new TypeError('createMediaWorker: a worker needs the shared database (`database: postgres://…`).');
  }
  const resolved = { ...resolveOptions(options), processing: 'here' as const };
  const localBus = options.bus ?? createLocalBus();
  let services: Services | undefined;
  let processor: Processor | undefined;
  let unsubscribe: (() => void) | undefined;
  const init = (async () => {
    services = await openServices(options, resolved, localBus);
    const jobs = processorFor(services, resolved);
    processor = jobs;
    unsubscribe = localBus.subscribe((tenantId, event) => {
      if (event.type === 'media-created' && event.file.status === 'processing')
        jobs.enqueue(event.file.id, tenantId);
    });
    await jobs.recover();
  })();
  init.catch(() => undefined);
  return {
    ready: () => init,
    async close() {
      await init.catch(() => undefined);
      unsubscribe?.();
      await processor?.close();
      await services?.close();
      await localBus.close();
    },
  };
}
