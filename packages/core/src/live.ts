// `$live`: how the client hears about changes. 'connecting' until the socket first answers or fails,
// 'live' while it is open, 'polling' while it is down (the client then refetches what it watches).
import { atom, type ReadableAtom } from 'nanostores';
import type { LiveSocket } from './socket.js';
import type { LiveState } from './types.js';

export interface LiveStatus {
  readonly $live: ReadableAtom<LiveState>;
  close(): void;
}

/** a socket that has not opened after this long counts as down (a failed first attempt sends no
 * state change: it was never up) */
export const CONNECTING_GRACE_MS = 3000;

export function createLiveStatus(socket: LiveSocket, graceMs = CONNECTING_GRACE_MS): LiveStatus {
  const $live = atom<LiveState>(socket.connected ? 'live' : 'connecting');
  const grace = setTimeout(() => {
    if ($live.get() === 'connecting') $live.set('polling');
  }, graceMs);
  const off = socket.on('socket-state', ({ connected }) => {
    clearTimeout(grace);
    $live.set(connected ? 'live' : 'polling');
  });
  return {
    $live,
    close() {
      clearTimeout(grace);
      off();
    },
  };
}
