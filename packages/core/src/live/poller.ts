// Polling fallback while the socket is down, and the catch-up once it is back: asks the server about
// the active uploads' operations, up to 100 in one `GET /operations?ids=` (one request per tick, so a
// big batch does not spend the caller's request budget), or one `GET /operations/:id` each from a
// server without that read.
import type { JsonFetcher } from '../http.js';
import type { OperationStatus } from '../protocol.js';

export interface Poller {
  start(): void;
  stop(): void;
  /** asks once, now, about each of `ids` (after the socket came back: its events while it was down
   * are lost) */
  sweep(ids: string[]): Promise<void>;
  readonly running: boolean;
}

/** the most operations one read asks about (the server's limit) */
const PER_READ = 100;

export function createPoller(options: {
  fetcher: JsonFetcher;
  /** operation ids worth asking about right now */
  ids: () => string[];
  onStatus: (status: OperationStatus) => void;
  interval?: number;
  /** a poll got no answer (or a gateway's): the server is away */
  onUnreachable?: () => void;
  /** the most operations asked about per tick, the longest-unasked first (default 100) */
  perTick?: number;
}): Poller {
  const interval = options.interval ?? 2000;
  const perTick = options.perTick ?? PER_READ;
  /** when each operation was last asked about, so a long list is asked in turns */
  const asked = new Map<string, number>();
  let ticks = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  /** false once the server answered the many-at-once read as a route it does not have */
  let bulk = true;

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

  const statusOf = (error: unknown): number => (error as { status?: number }).status ?? 0;
  /** no answer, or a gateway's: the server is away */
  const isAway = (error: unknown): boolean => [0, 502, 503, 504].includes(statusOf(error));

  async function readEach(ids: string[]): Promise<OperationStatus[]> {
    let away: unknown;
    const found = await Promise.all(
      ids.map((id) =>
        options.fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`).catch((error) => {
          // unknown yet (404): the next tick asks again
          if (isAway(error)) away = error;
          return undefined;
        }),
      ),
    );
    if (away) throw away;
    return found.filter((status) => status !== undefined);
  }

  /** the server's view of `ids` (at most PER_READ); throws what a read met when the server is away */
  async function read(ids: string[]): Promise<OperationStatus[]> {
    if (!bulk) return readEach(ids);
    try {
      const query = ids.map(encodeURIComponent).join(',');
      return (await options.fetcher<{ items: OperationStatus[] }>(`/operations?ids=${query}`)).items;
    } catch (error) {
      const status = statusOf(error);
      // a server without the read answers it as the path of one file or operation it does not know
      if (status !== 400 && status !== 404 && status !== 405) throw error;
      bulk = false;
      return readEach(ids);
    }
  }

  /** asks about `ids` in reads of PER_READ; true when the server was away */
  async function ask(ids: string[]): Promise<boolean> {
    for (let at = 0; at < ids.length; at += PER_READ) {
      try {
        const found = await read(ids.slice(at, at + PER_READ));
        for (const status of found) options.onStatus(status);
      } catch (error) {
        if (isAway(error)) return true;
        // anything else (a 429, a 401): the next tick asks again
      }
    }
    return false;
  }

  async function tick(): Promise<void> {
    const away = await ask(pick(options.ids()));
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
    async sweep(ids) {
      await ask(ids);
    },
    get running() {
      return running;
    },
  };
}
