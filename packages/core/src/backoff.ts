// Retry delays: `min(base * 2^attempt, max)` (DESIGN.md), with optional jitter so that many clients
// cut off together do not all come back in the same instant.

export function backoffDelay(attempt: number, base = 1000, max = 30_000): number {
  return Math.min(base * 2 ** Math.max(0, attempt), max);
}

/** "equal jitter": half of the delay fixed, half random, so it never collapses to 0 */
export function withJitter(delay: number, random: () => number = Math.random): number {
  return delay / 2 + random() * (delay / 2);
}
