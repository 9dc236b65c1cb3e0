// Per-socket sending with backpressure: while a client's socket is backed up, events wait in a
// queue where progress events of one operation replace each other (latest wins) and lifecycle
// events are kept in order. A client that falls hopelessly behind is dropped; it reconnects.
// The relay serializes an event once and hands every socket the same frame (a text frame from a
// Buffer: no JSON.stringify or string encoding per client).
import { COALESCIBLE_EVENTS, type ServerEvent } from '@mediabay/core/protocol';
import type { WebSocket } from 'ws';

export interface SenderOptions {
  /** bytes buffered on the socket before events start to queue */
  highWaterMark: number;
  /** queued events beyond which the client is disconnected */
  maxQueue: number;
}

interface Queued {
  key: string | undefined;
  operationId: string | undefined;
  frame: Buffer;
}

export interface ClientSender {
  /** `frame` is the event as JSON in UTF-8, when the caller already has it */
  send(event: ServerEvent, frame?: Buffer): void;
  readonly queued: number;
}

const operationOf = (event: ServerEvent): string | undefined =>
  'operationId' in event ? event.operationId : 'file' in event ? event.file.operationId : undefined;

const TEXT = { binary: false } as const;

/** An event as the frame every socket is sent. */
export const frameOf = (event: ServerEvent): Buffer => Buffer.from(JSON.stringify(event));

export function createClientSender(ws: WebSocket, options: SenderOptions): ClientSender {
  const queue: Queued[] = [];

  const drain = (): void => {
    while (queue.length > 0 && ws.readyState === ws.OPEN && ws.bufferedAmount < options.highWaterMark) {
      const next = queue.shift() as Queued;
      ws.send(next.frame, TEXT, afterWrite);
    }
  };
  function afterWrite(error?: Error): void {
    if (error) return; // the close handler cleans up
    drain();
  }

  return {
    get queued() {
      return queue.length;
    },
    send(event, frame = frameOf(event)) {
      if (ws.readyState !== ws.OPEN) return;
      const operationId = operationOf(event);
      const key = COALESCIBLE_EVENTS.has(event.type) ? `${event.type}\u0000${operationId}` : undefined;
      if (queue.length === 0 && ws.bufferedAmount < options.highWaterMark) {
        ws.send(frame, TEXT, afterWrite);
        return;
      }
      if (key) {
        const at = queue.findIndex((q) => q.key === key);
        // Replace in place only if nothing about the same operation is queued after it, so a
        // progress event never jumps ahead of that operation's completion.
        if (at >= 0 && !queue.slice(at + 1).some((q) => q.operationId === operationId)) {
          (queue[at] as Queued).frame = frame;
          return;
        }
      }
      queue.push({ key, operationId, frame });
      if (queue.length > options.maxQueue) ws.terminate();
    },
  };
}
