// Polling fallback while the socket is down: asks `GET /operations/:id` for each active upload.
import type { JsonFetcher } from '../http.js';
import type { OperationStatus } from '../protocol.js';

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
  /** a poll got no answer (or a gateway's): the server is away */
  onUnreachable?: () => void;
  /** the most operations asked about per tick, the longest-unasked first (default 50) */
  perTick?: number;
}): Poller {
  const interval = options.interval ?? 2000;
  const perTick = options.perTick ?? 50;
  /** when each operation was last asked about, so a long list is asked in turns */
  const asked = new Map<string, number>();
  let ticks = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;

  /** at most `perTick` of the ids, the ones asked about longest ago first */
  function pick(ids: string[]): string[] {
    const chosen =
      ids.length <= perTick
        ? ids
        : [...ids].sort((a, b) => (asked.get(a) ?? -1) - (asked.get(b) ?? -1)).slice(0, perTick);
    const now = ++ticks;
    const current = new Set(ids);
    for (const id of asked.keys()) if (!current.has(id)) asked.delete(id);
    for (const id of chosen) asked.set(id, now);
    return chosen;
  }

  async function tick(): Promise<void> {
    const ids = pick(options.ids());
    let away = false;
    await Promise.all(
      ids.map(async (id) => {
        try {
          const status = await options.fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`);
          if (running && status) options.onStatus(status);
        } catch (error) {
          // unknown yet (404): the next tick asks again; no answer: the server is away
          if ([0, 502, 503, 504].includes((error as { status?: number }).status ?? 0)) away = true;
        }
      }),
    );
    if (away && running) options.onUnreachable?.();
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
