// When the engine takes over what the client did before it (files added, commands; upload-handoff.ts
// `adopt`): once the client holds the engine AND the resume records of an earlier page load are read
// (their uploads in the store), so that a file chosen again early continues the upload waiting for
// it instead of starting a new one. A restore that never ends (a stuck IndexedDB) holds the early
// uploads back for at most `waitMs`; one that ends later may then show a waiting twin of one of them.

/** how long early uploads wait at most for the resume records */
export const RESTORE_WAIT_MS = 5000;

export type TakeoverCondition = 'held' | 'restored';

export interface EarlyTakeover {
  /** `held`: the client holds the engine; `restored`: the resume records are read (or failed) */
  met(condition: TakeoverCondition): void;
  /** no takeover after this */
  close(): void;
}

export function earlyTakeover(takeOver: () => void, waitMs = RESTORE_WAIT_MS): EarlyTakeover {
  const pending = new Set<TakeoverCondition>(['held', 'restored']);
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => met('restored'), waitMs);
  let closed = false;

  function met(condition: TakeoverCondition): void {
    if (closed || !pending.delete(condition) || pending.size > 0) return;
    clearTimeout(timer);
    timer = undefined;
    closed = true;
    takeOver();
  }

  return {
    met,
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
