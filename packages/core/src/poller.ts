// Polling fallback while the socket is down: asks `GET /operations/:id` for each active upload.
import type { JsonFetcher } from './http.js';
import type { OperationStatus } from './protocol.js';

export interface Poller {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

export function createPoller(options: {
  fetcher: JsonFetcher;
  /** operation ids worth asking about right now */
  ids: () => string[];
  onStatus: (status: OperationStatus) => void;
  interval?: number;
}): Poller {
  const interval = options.interval ?? 2000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;

  async function tick(): Promise<void> {
    const ids = options.ids();
    await Promise.all(
      ids.map(async (id) => {
        try {
          const status = await options.fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`);
          if (running && status) options.onStatus(status);
        } catch {
          // unknown yet (404) or unreachable: the next tick asks again
        }
      }),
    );
    if (running) timer = setTimeout(() => void tick(), interval);
  }

  return {
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(() => void tick(), interval);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get running() {
      return running;
    },
  };
}
