// An idle timeout on request bodies: a body that sends no byte for `idleMs` has its connection closed,
// however long the request has been running. A long PATCH that keeps moving lives; a stalled one
// ends, and tus keeps what was written (its HEAD gives that offset, so the upload resumes).
// One timer per period watches every body in flight (a timer per request, set and cleared around
// each small upload, cost more than the upload's other HTTP layers); it stops when none is left.
import type { IncomingMessage } from 'node:http';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface Watch {
  seen: number;
  quietSince: number;
}

interface Watcher {
  idleMs: number;
  bodies: Map<IncomingMessage, Watch>;
  timer?: NodeJS.Timeout;
}

/** the watchers, by idle period (a server has one; tests make several) */
const watchers = new Map<number, Watcher>();

function sweep(watcher: Watcher): void {
  const now = Date.now();
  for (const [req, watch] of watcher.bodies) {
    const socket = req.socket;
    if (req.complete || socket.destroyed) {
      watcher.bodies.delete(req);
    } else if (socket.bytesRead !== watch.seen) {
      watch.seen = socket.bytesRead;
      watch.quietSince = now;
    } else if (now - watch.quietSince >= watcher.idleMs) {
      watcher.bodies.delete(req);
      socket.destroy();
    }
  }
  if (watcher.bodies.size === 0) {
    clearInterval(watcher.timer);
    watcher.timer = undefined;
  }
}

/** Watches `req` until its body is complete or its connection closes; 0 turns the watch off. */
export function watchBodyIdle(req: IncomingMessage, idleMs: number): void {
  if (idleMs <= 0 || !BODY_METHODS.has(req.method ?? '') || req.complete) return;
  let watcher = watchers.get(idleMs);
  if (!watcher) watchers.set(idleMs, (watcher = { idleMs, bodies: new Map() }));
  watcher.bodies.set(req, { seen: req.socket.bytesRead, quietSince: Date.now() });
  if (watcher.timer) return;
  // checked a few times per period: a timer per chunk would cost more than the bytes it watches
  const every = Math.max(10, Math.min(1000, Math.floor(idleMs / 4)));
  const timer = setInterval(() => sweep(watcher), every);
  watcher.timer = timer.unref();
}
