// A request's body as the web ReadableStream @tus/server 2 reads (it turns it back into a Node stream
// for the store), without the copy Node's own `Readable.toWeb` makes of every chunk ("to detach it
// from the pool"; srvx's NodeRequest uses it). A big upload then allocates one ArrayBuffer per
// 64 KiB chunk instead of two: the copies' external memory is what started V8's incremental
// mark-compacts again and again during a long upload (issue 21, bench/README.md's ingest-large).
// Holding the chunk is safe: a Buffer's memory is never reused while it is referenced. Otherwise as
// `Readable.toWeb`: the same byte-length backpressure, a premature close errors the stream with an
// AbortError, and canceling the stream destroys the request. While the body is read the heap's
// growing factor is held (http/heap-growth.ts): each chunk is still an ArrayBuffer V8 counts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream';
import { heapGrowth } from '../http/heap-growth.js';

const abortError = (cause: Error): Error =>
  Object.assign(new Error('The operation was aborted', { cause }), { name: 'AbortError', code: 'ABORT_ERR' });

/**
 * Gives `request` (srvx's NodeRequest for `req`) this body instead of its own, made on first read as
 * srvx makes its own (nothing reads a body nobody asked for).
 */
export function withRequestBody<R extends object>(request: R, req: IncomingMessage, res: ServerResponse): R {
  if (req.method === 'GET' || req.method === 'HEAD') return request;
  let body: ReadableStream<Uint8Array> | undefined;
  return Object.defineProperty(request, 'body', { get: () => (body ??= requestBody(req, res)) });
}

/** `res`, when given, is `req`'s answer: once it is over, the body is no longer read (below). */
export function requestBody(req: IncomingMessage, res?: ServerResponse): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let canceled = false;
  const onData = (chunk: Buffer): void => {
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  req.pause();
  const release = heapGrowth.hold();
  // tus answers a store's failure or a body past the upload's length mid-body and leaves the request
  // unread (unpiped, never destroyed): it may never finish, so the hold ends with the answer too
  res?.once('close', release);
  const cleanup = finished(req, (error) => {
    cleanup();
    release();
    req.off('data', onData);
    req.on('error', () => undefined); // a legacy stream's late error event after finishing
    if (error) {
      const premature = (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE';
      controller.error(premature ? abortError(error) : error);
    } else if (!canceled) controller.close();
  });
  req.on('data', onData);
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        req.resume();
      },
      cancel(reason) {
        canceled = true;
        req.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: req.readableHighWaterMark }),
  );
}
