// Where server events travel between the parts of the kit (and, with a pub/sub bus, between
// instances). The socket relay subscribes; uploads and processing publish. Every event has a tenant.
import { EventEmitter } from 'node:events';
import type { ServerEvent } from '@mediabay/core/protocol';

export type BusListener = (tenantId: string, event: ServerEvent) => void;

export interface EventBus {
  publish(tenantId: string, event: ServerEvent): void;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

/** One process: an EventEmitter. Listeners that throw cannot break the publisher. */
export function createLocalBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(tenantId, event) {
      emitter.emit('event', tenantId, event);
    },
    subscribe(listener) {
      const safe: BusListener = (tenantId, event) => {
        try {
          listener(tenantId, event);
        } catch (error) {
          console.error('[mediabay] bus listener failed', error);
        }
      };
      emitter.on('event', safe);
      return () => emitter.off('event', safe);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
