// Fixed-window request counting per caller, answered with 429 and Retry-After beyond the limit.
// In memory: each instance counts its own requests (a shared store can follow with the bus).
import { HttpError } from './errors.js';

export interface RateLimiter {
  /** Counts one request of `key`; throws 429 when over the limit. */
  hit(key: string): void;
}

export function createRateLimiter(max: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    hit(key) {
      if (max <= 0) return;
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count > max) {
        const retry = Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
        throw new HttpError(429, 'rate-limited', 'Too many requests; try again shortly.', {
          'Retry-After': String(retry),
        });
      }
    },
  };
}
