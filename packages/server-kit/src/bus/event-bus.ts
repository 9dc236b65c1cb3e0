// Where server events travel between the parts of the kit (and, with a pub/sub bus, between
// instances). The socket relay subscribes; uploads and processing publish. Every event has a tenant.
import { consoleLogger, type Logger } from '../logger.js';
import { EventEmitter } from 'node:events';
import type { ServerEvent } from '@mediabay/core/protocol';

/** Whose an event is, for the relay's pacing (not sent to clients). */
export interface Audience {
  /** the user whose upload the event is about: their sockets hear its progress at full rate */
  userId: string;
}

export type BusListener = (tenantId: string, event: ServerEvent, audience?: Audience) => void;

export interface EventBus {
  publish(tenantId: string, event: ServerEvent, audience?: Audience): void;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

/** One process: an EventEmitter. Listeners that throw cannot break the publisher. */
export function createLocalBus(logger: Logger = consoleLogger): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(tenantId, event, audience) {
      emitter.emit('event', tenantId, event, audience);
    },
    subscribe(listener) {
      const safe: BusListener = (tenantId, event, audience) => {
        try {
          listener(tenantId, event, audience);
        } catch (error) {
          logger.error('bus listener failed', error);
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
