// What the uploader does after a failed transfer, as retry-policy.ts decides: wait at the shared
// connectivity gate, wait as long as the server asked, try again after a backoff, or give up. It
// counts failures in a row without bytes moving, and holds each upload's pending retry.
import { backoffDelay } from '../backoff.js';
import type { Connectivity } from '../live/connectivity.js';
import type { TransportError } from '../transports/transport.js';
import type { UploadError } from '../types.js';
import { decide } from './retry-policy.js';
import type { UploadEvent } from './upload-machine.js';
import type { UploadStore } from './uploads-store.js';

export interface UploadRetries {
  /** a transfer of an uploading file failed */
  failed(id: string, error: TransportError): void;
  /** stops the upload's pending retry */
  clear(id: string): void;
  /** the upload's failures no longer count (it succeeded, was retried by hand, or left) */
  reset(id: string): void;
  destroy(): void;
}

interface Attempt {
  count: number;
  bytesAtFailure: number;
  /** of those, failures right after the server had answered the gate's probe (a request that never
   * gets through although the server is there) */
  probed: number;
  released?: boolean;
}

export function createUploadRetries(context: {
  store: UploadStore;
  connectivity: Connectivity | undefined;
  retries: number;
  apply(id: string, event: UploadEvent): unknown;
  /** starts the upload's transfer again (its URL makes tus continue from the server's offset) */
  restart(id: string): void;
  /** no more tries: the failure is final */
  giveUp(id: string, error: UploadError): void;
}): UploadRetries {
  const { store, connectivity, apply } = context;
  /** failures in a row without bytes moving */
  const attempts = new Map<string, Attempt>();
  /** how to stop each upload's pending retry (a timer, or its place at the connectivity gate) */
  const retryTimers = new Map<string, () => void>();

  function clear(id: string): void {
    retryTimers.get(id)?.();
    retryTimers.delete(id);
  }

  /** tries the upload again now, if it still waits */
  function tryAgain(id: string, released = false): void {
    retryTimers.delete(id);
    const attempt = attempts.get(id);
    if (attempt) attempt.released = released;
    if (store.get(id)?.status === 'uploading') context.restart(id);
  }

  function failed(id: string, error: TransportError): void {
    const item = store.get(id);
    if (!item || item.status !== 'uploading') return;
    const previous = attempts.get(id);
    // progress since the last failure means the connection works again: start counting afresh
    const stuck = previous && item.bytesUploaded <= previous.bytesAtFailure;
    const count = stuck ? previous.count : 0;
    const probed = stuck && previous.released && !error.status ? previous.probed + 1 : 0;
    const now = Date.now();
    const decision = decide(error, {
      attempt: count,
      retries: context.retries,
      offline: connectivity?.offline ?? false,
      unansweredAfterProbe: probed,
      now,
    });
    clear(id);
    // the slot stays taken during any wait: the queue does not start more uploads into the same wall
    if (decision.kind === 'wait-connection' && connectivity) {
      attempts.set(id, { count: count + 1, bytesAtFailure: item.bytesUploaded, probed });
      apply(id, { type: 'UPLOAD.WAIT', waiting: { reason: decision.reason, retryAt: null } });
      retryTimers.set(
        id,
        connectivity.wait(() => tryAgain(id, true)),
      );
      return;
    }
    if (decision.kind !== 'fail') {
      // (without a gate, a lost connection is tried again after the backoff)
      const delayMs = decision.kind === 'retry' ? decision.delayMs : backoffDelay(count);
      attempts.set(id, { count: count + 1, bytesAtFailure: item.bytesUploaded, probed });
      const { reason } = decision;
      if (reason) apply(id, { type: 'UPLOAD.WAIT', waiting: { reason, retryAt: Math.round(now + delayMs) } });
      const timer = setTimeout(() => tryAgain(id), delayMs);
      retryTimers.set(id, () => clearTimeout(timer));
      return;
    }
    attempts.delete(id);
    context.giveUp(id, decision.error);
  }

  return {
    failed,
    clear,
    reset: (id) => void attempts.delete(id),
    destroy() {
      for (const stop of retryTimers.values()) stop();
      retryTimers.clear();
      attempts.clear();
    },
  };
}
