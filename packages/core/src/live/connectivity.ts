// One gate for every upload that lost the server: they wait together while ONE probe asks the server
// at growing intervals (or the browser's `online` event comes), then all go at once. A queue of
// thousands through an outage costs the server one request per probe interval, not one per upload.
import { backoffDelay, withJitter } from '../backoff.js';

export interface Connectivity {
  /** waits for the server; `resume` runs once it answers. Returns a function that stops waiting. */
  wait(resume: () => void): () => void;
  /** whether the browser says it is offline */
  readonly offline: boolean;
  /** uploads waiting */
  readonly size: number;
  close(): void;
}

export interface ConnectivityOptions {
  /** resolves true when the server answered (any answer but a gateway or busy one) */
  probe: () => Promise<boolean>;
  /** ms before probe `n` (0-based) */
  probeDelay?: (attempt: number) => number;
  /** the event target with `online` events and `navigator.onLine` (default globalThis) */
  target?: {
    addEventListener?: (type: 'online', fn: () => void) => void;
    removeEventListener?: (type: 'online', fn: () => void) => void;
    navigator?: { onLine?: boolean };
  };
}

/** the longest gap between two probes: an outage that ends is noticed within this */
export const MAX_PROBE_DELAY_MS = 10_000;

export function createConnectivity(options: ConnectivityOptions): Connectivity {
  // the first probe goes at once (a blip is over in one request), then at growing intervals
  const delay =
    options.probeDelay ??
    ((attempt: number) =>
      attempt === 0 ? 0 : withJitter(backoffDelay(attempt - 1, 500, MAX_PROBE_DELAY_MS)));
  const target = options.target ?? (globalThis as NonNullable<ConnectivityOptions['target']>);
  const waiters = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let probing = false;
  let attempt = 0;
  let closed = false;

  const isOffline = () => target.navigator?.onLine === false;

  function release(): void {
    const all = [...waiters];
    waiters.clear();
    attempt = 0;
    for (const resume of all) resume();
  }

  function schedule(ms: number): void {
    if (timer || probing || closed || waiters.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void probeNow();
    }, ms);
  }

  async function probeNow(): Promise<void> {
    if (probing || closed || waiters.size === 0) return;
    // offline: nothing to ask until the browser says `online` (a slow probe covers a wrong onLine)
    probing = true;
    const up = isOffline() ? false : await options.probe().catch(() => false);
    probing = false;
    if (closed) return;
    if (up) release();
    else schedule(isOffline() ? MAX_PROBE_DELAY_MS : delay(attempt++));
  }

  const onOnline = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    attempt = 0;
    void probeNow();
  };
  target.addEventListener?.('online', onOnline);

  return {
    wait(resume) {
      const entry = () => resume();
      waiters.add(entry);
      schedule(isOffline() ? MAX_PROBE_DELAY_MS : delay(attempt));
      return () => {
        waiters.delete(entry);
        if (waiters.size === 0 && timer) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    get offline() {
      return isOffline();
    },
    get size() {
      return waiters.size;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      waiters.clear();
      target.removeEventListener?.('online', onOnline);
    },
  };
}
