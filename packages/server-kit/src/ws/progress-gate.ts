// Who hears an upload's progress at full rate: the uploader's own sockets. Every other socket of the
// tenant sees someone else's upload move about once a second and all of its lifecycle events, so
// 300 watchers do not turn an upload's ten progress events a second into 3,000 sends. A socket whose
// client reports an upload's progress itself (its own XHR) mutes that upload's progress altogether.
import { COALESCIBLE_EVENTS, type ServerEvent } from '@mediabay/core/protocol';
import type { Audience } from '../bus/event-bus.js';

/** How often a socket hears progress of an upload that is not its user's. */
export const OTHERS_PROGRESS_INTERVAL_MS = 1000;
/** Operations a gate remembers; past this it forgets them all (at worst one extra event each). */
const MAX_TRACKED = 1000;

export interface ProgressGate {
  /** Whether this socket is sent `event` now. */
  admit(event: ServerEvent, audience: Audience | undefined, now: number): boolean;
  /** this socket hears no more `media-upload-progress` of the operation, until its next lifecycle event */
  mute(operationId: string): void;
}

const operationOf = (event: ServerEvent): string | undefined =>
  'operationId' in event ? event.operationId : undefined;

export function createProgressGate(userId: string, intervalMs = OTHERS_PROGRESS_INTERVAL_MS): ProgressGate {
  const lastSent = new Map<string, number>();
  const muted = new Set<string>();
  return {
    admit(event, audience, now) {
      const operationId = operationOf(event);
      if (!COALESCIBLE_EVENTS.has(event.type)) {
        if (operationId) {
          // its lifecycle: nothing more to pace, and a muted upload is heard again if it comes back
          lastSent.delete(operationId);
          muted.delete(operationId);
        }
        return true;
      }
      if (event.type === 'media-upload-progress' && muted.has(event.operationId)) return false;
      if (!audience || audience.userId === userId || !operationId) return true;
      const last = lastSent.get(operationId);
      if (last !== undefined && now - last < intervalMs) return false;
      if (lastSent.size >= MAX_TRACKED) lastSent.clear();
      lastSent.set(operationId, now);
      return true;
    },
    mute(operationId) {
      // past the bound the socket hears its uploads again (and mutes them again): never unbounded
      if (muted.size >= MAX_TRACKED) muted.clear();
      muted.add(operationId);
    },
  };
}
