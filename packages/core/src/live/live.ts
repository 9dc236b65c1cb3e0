// `$live`: how the client hears about changes. 'connecting' until the socket first opens or fails,
// 'live' while it is open, 'polling' while it is down: then the watched library lists are refetched
// on an interval, so other users' uploads and deletes still appear (own uploads are polled apart).
import { atom, type ReadableAtom } from 'nanostores';
import type { LiveSocket } from './socket.js';
import type { LiveState } from '../types.js';

export interface LiveStatus {
  readonly $live: ReadableAtom<LiveState>;
  close(): void;
}

/** a socket that has not opened after this long counts as down (a failed first attempt sends no
 * state change: it was never up) */
export const CONNECTING_GRACE_MS = 3000;
/** ms between refetches of the watched lists while the socket is down */
export const LIST_REFETCH_MS = 5000;

export interface LiveOptions {
  /** refetches what is watched (lists in view); called every `interval` ms while polling */
  refetch: () => void;
  interval?: number;
  graceMs?: number;
}

export function createLiveStatus(socket: LiveSocket, options: LiveOptions): LiveStatus {
  const interval = options.interval ?? LIST_REFETCH_MS;
  const $live = atom<LiveState>(socket.connected ? 'live' : 'connecting');
  let timer: ReturnType<typeof setInterval> | null = null;

  function set(state: LiveState): void {
    $live.set(state);
    if (state === 'polling') timer ??= setInterval(options.refetch, interval);
    else if (timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  const grace = setTimeout(() => {
    if ($live.get() === 'connecting') set('polling');
  }, options.graceMs ?? CONNECTING_GRACE_MS);
  const off = socket.on('socket-state', ({ connected }) => {
    clearTimeout(grace);
    set(connected ? 'live' : 'polling');
  });
  return {
    $live,
    close() {
      clearTimeout(grace);
      if (timer) clearInterval(timer);
      timer = null;
      off();
    },
  };
}
