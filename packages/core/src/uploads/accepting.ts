// `$accepting`: whether the client takes new files right now, and if not why. The one signal a
// dropzone, a library's drop target and its picker buttons render from; addFiles still checks.
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { MeState } from '../me.js';
import type { Accepting, BatchState, NotAcceptingReason } from '../types.js';

// one object per answer, so subscribers hear a change of answer, not every progress tick
const YES: Accepting = Object.freeze({ accepting: true });
const NO: Record<NotAcceptingReason, Accepting> = {
  destroyed: Object.freeze({ accepting: false, reason: 'destroyed' }),
  forbidden: Object.freeze({ accepting: false, reason: 'forbidden' }),
  'max-files': Object.freeze({ accepting: false, reason: 'max-files' }),
};

export interface AcceptingInput {
  destroyed: boolean;
  me: MeState;
  batch: Pick<BatchState, 'counts' | 'total'>;
  /** `restrictions.maxFiles` of the client */
  maxFiles?: number | undefined;
}

/**
 * Only a known "no" refuses: while `/me` loads, or on a server without it, files are taken and the
 * server decides. Files count against `maxFiles` as addFiles counts them: all but ready and canceled.
 */
export function acceptingOf({ destroyed, me, batch, maxFiles }: AcceptingInput): Accepting {
  if (destroyed) return NO.destroyed;
  if (me.status === 'ready' && me.me?.can.upload === false) return NO.forbidden;
  const live = batch.total - batch.counts.ready - batch.counts.canceled;
  if (maxFiles !== undefined && live >= maxFiles) return NO['max-files'];
  return YES;
}

export function createAccepting(sources: {
  $me: ReadableAtom<MeState>;
  $batch: ReadableAtom<BatchState>;
  maxFiles?: number | undefined;
}): { $accepting: ReadableAtom<Accepting>; close(): void } {
  const $destroyed = atom(false);
  const $accepting = computed([$destroyed, sources.$me, sources.$batch], (destroyed, me, batch) =>
    acceptingOf({ destroyed, me, batch, maxFiles: sources.maxFiles }),
  );
  return { $accepting, close: () => $destroyed.set(true) };
}
