// The event bus between instances: Redis pub/sub on one channel. Local listeners hear an event at
// once (as with the local bus); other instances hear it through Redis, and each skips its own echo.
import { consoleLogger, type Logger } from '../logger.js';
import { randomUUID } from 'node:crypto';
import type { ServerEvent } from '@mediabay/core/protocol';
import type { RedisConnection } from '../redis/connect.js';
import { createLocalBus, type Audience, type EventBus } from './event-bus.js';

interface Envelope {
  origin: string;
  tenantId: string;
  event: ServerEvent;
  audience?: Audience;
}

export interface RedisBusOptions {
  /** Channel name; instances of one deployment share it. Default `mediabay:events`. */
  channel?: string;
  /** The in-process bus that this instance's listeners (the socket relay) subscribe to. */
  local?: EventBus;
  /** Where a failed publish is reported. Default: the console. */
  logger?: Logger;
}

export async function createRedisBus(
  redis: RedisConnection,
  options: RedisBusOptions = {},
): Promise<EventBus> {
  const channel = options.channel ?? 'mediabay:events';
  const origin = randomUUID();
  const local = options.local ?? createLocalBus(options.logger);
  await redis.subscriber.subscribe(channel, (message) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.origin === origin || typeof envelope.tenantId !== 'string') return;
    local.publish(envelope.tenantId, envelope.event, envelope.audience);
  });
  return {
    publish(tenantId, event, audience) {
      local.publish(tenantId, event, audience);
      const envelope: Envelope = { origin, tenantId, event, ...(audience ? { audience } : {}) };
      // Fire and forget like the local bus; a Redis outage must not fail the upload that caused it.
      redis.client.publish(channel, JSON.stringify(envelope)).catch((error: unknown) => {
        (options.logger ?? consoleLogger).error('bus publish failed', (error as Error).message);
      });
    },
    subscribe: (listener) => local.subscribe(listener),
    async close() {
      await redis.subscriber.unsubscribe(channel).catch(() => undefined);
      await local.close();
    },
  };
}
