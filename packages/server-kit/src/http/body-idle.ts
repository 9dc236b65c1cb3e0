// An idle timeout on request bodies: a body that sends no byte for `idleMs` has its connection closed,
// however long the request has been running. A long PATCH that keeps moving lives; a stalled one
// ends, and tus keeps what was written (its HEAD gives that offset, so the upload resumes).
import type { IncomingMessage } from 'node:http';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Watches `req` until its body is complete or its connection closes; 0 turns the watch off. */
export function watchBodyIdle(req: IncomingMessage, idleMs: number): void {
  if (idleMs <= 0 || !BODY_METHODS.has(req.method ?? '') || req.complete) return;
  const socket = req.socket;
  let seen = socket.bytesRead;
  let quietSince = Date.now();
  // checked a few times per period: a timer per chunk would cost more than the bytes it watches
  const timer = setInterval(
    () => {
      if (req.complete || socket.destroyed) return stop();
      if (socket.bytesRead !== seen) {
        seen = socket.bytesRead;
        quietSince = Date.now();
        return;
      }
      if (Date.now() - quietSince >= idleMs) {
        stop();
        socket.destroy();
      }
    },
    Math.max(10, Math.min(1000, Math.floor(idleMs / 4))),
  );
  timer.unref();
  function stop(): void {
    clearInterval(timer);
  }
  req.once('end', stop);
  req.once('close', stop);
}
