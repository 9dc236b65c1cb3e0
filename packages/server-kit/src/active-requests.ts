// The API requests in progress, so close() can let them finish (an acknowledged upload is never
// lost): each counts until its response is done or its connection gone.
import type { ServerResponse } from 'node:http';

export interface ActiveRequests {
  track(res: ServerResponse): void;
  /** resolves when none is in progress, or after `graceMs` */
  done(graceMs: number): Promise<void>;
}

export function createActiveRequests(): ActiveRequests {
  let active = 0;
  let onIdle: (() => void) | undefined;
  return {
    track(res) {
      active += 1;
      res.once('close', () => {
        active -= 1;
        if (active === 0) onIdle?.();
      });
    },
    done(graceMs) {
      if (active === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}
