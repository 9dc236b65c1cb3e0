// What createMediaServer starts before it answers anything: storage, database, bus and processing
// (openServices), the rate limits, the cleanup of writes a crash cut off, tus and the REST routes,
// the recovery of interrupted uploads and processing, and the sweeps of expired uploads and the trash.
import fs from 'node:fs/promises';
import type { EventBus } from './bus/event-bus.js';
import type { MediaDatabase } from './db/database.js';
import { uploadKey } from './storage/keys.js';
import type { MediaContext } from './context.js';
import { openServices, type Services } from './config/services.js';
import { createRateLimiter, type RateLimiter } from './http/rate-limit.js';
import type { MediaServerOptions, ResolvedOptions } from './options.js';
import { processorFor } from './processing/services-processor.js';
import { addCaptionRoutes } from './rest/caption-routes.js';
import { addMediaReadRoutes } from './rest/media-routes.js';
import { addRenditionRoutes } from './rest/rendition-routes.js';
import type { Router } from './rest/router.js';
import { addMediaWriteRoutes } from './rest/write-routes.js';
import { sweepTrash } from './media/trash-sweep.js';
import { sweepExpiredUploads } from './tus/expiry.js';
import { createTusEndpoint, type TusEndpoint } from './tus/tus-endpoint.js';
import { addTicketRoute } from './ws/ticket-route.js';
import type { SocketTickets } from './ws/tickets.js';

export interface Started {
  ctx: MediaContext;
  tus: TusEndpoint;
  /** with Redis, every instance counts into the same windows */
  limits: { requests: RateLimiter; uploads: RateLimiter };
  sweeper: NodeJS.Timeout;
}

/** What the database refers to in storage: files' keys, and the bytes of uploads in flight. */
async function keysInUse(db: MediaDatabase): Promise<Set<string>> {
  const files = [...(await db.mediaStorageKeys('media/')), ...(await db.mediaStorageKeys('uploads/'))];
  // every unfinished upload, whatever its age (as tus.recover())
  const pending = await db.listStaleUploads(new Date(Date.now() + 60_000).toISOString());
  return new Set([...files, ...pending.map((upload) => uploadKey(upload.id))]);
}

export async function startMedia(input: {
  options: MediaServerOptions;
  resolved: ResolvedOptions;
  localBus: EventBus;
  router: Router;
  tickets: SocketTickets;
  /** the services are open: close() closes them even if a later step fails */
  opened(services: Services): void;
}): Promise<Started> {
  const { options, resolved, router } = input;
  await fs.mkdir(resolved.dataDir, { recursive: true });
  const services = await openServices(options, resolved, input.localBus);
  input.opened(services);
  const { db, storage, bus } = services;
  const limiter = (name: 'requests' | 'uploads', limit: typeof resolved.limits.rateLimit) =>
    createRateLimiter(name, limit, services.redis?.client, resolved.logger);
  const limits = {
    requests: limiter('requests', resolved.limits.rateLimit),
    uploads: limiter('uploads', resolved.limits.uploadRateLimit),
  };
  const processor = await processorFor(services, resolved, options.database);
  // before any write: what writes cut off by a crash left behind (local `.part` files, form
  // uploads whose row was never written, tus bytes whose upload is neither in flight nor a file)
  if (storage.sweepPartial) await storage.sweepPartial(await keysInUse(db));
  const ctx: MediaContext = { options: resolved, db, storage, bus, processor, urls: services.urls };
  const tus = createTusEndpoint(ctx, services.locker);
  addTicketRoute(router, ctx, input.tickets);
  addMediaWriteRoutes(router, ctx); // first: `/tags` and `/bulk-delete` before `/:id`
  addMediaReadRoutes(router, ctx);
  addRenditionRoutes(router, ctx);
  addCaptionRoutes(router, ctx);
  await tus.recover();
  await processor.recover();
  const sweepEvery = Math.min(resolved.limits.uploadExpiryMs / 4, 60 * 60 * 1000);
  const trash = () => void sweepTrash(ctx).catch((e: unknown) => resolved.logger.error('trash sweep', e));
  const sweep = (): void => {
    void sweepExpiredUploads(ctx);
    trash();
  };
  trash();
  return { ctx, tus, limits, sweeper: setInterval(sweep, sweepEvery).unref() };
}
