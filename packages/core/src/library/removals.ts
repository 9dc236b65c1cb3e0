// Completed uploads leave `$uploads` in sweeps: every one due in the same step goes in one removal,
// so a stream of small files that finish one per frame re-lays a list out once a step, not per frame.

export interface RemovalSweeper {
  /** removes `id` once `delay` has passed, with the others due in the same step; once per id */
  schedule(id: string): void;
  destroy(): void;
}

/** The longest a completed item stays past its delay (a fifth of the delay when that is shorter). */
export const MAX_SWEEP_STEP = 1000;

/** When an item due at `due` leaves: the end of its step. */
export function sweepTime(due: number, delay: number): number {
  const step = Math.min(MAX_SWEEP_STEP, delay / 5);
  return step > 0 ? Math.ceil(due / step) * step : due;
}

export function createRemovalSweeper(options: {
  delay: number;
  remove: (ids: string[]) => void;
  now?: () => number;
}): RemovalSweeper {
  const { delay, remove } = options;
  const now = options.now ?? Date.now;
  const scheduled = new Set<string>();
  const sweeps = new Map<number, { ids: string[]; timer: ReturnType<typeof setTimeout> }>();

  return {
    schedule(id) {
      if (!Number.isFinite(delay) || scheduled.has(id)) return;
      scheduled.add(id);
      const at = sweepTime(now() + delay, delay);
      const sweep = sweeps.get(at);
      if (sweep) {
        sweep.ids.push(id);
        return;
      }
      const ids = [id];
      const timer = setTimeout(
        () => {
          sweeps.delete(at);
          for (const gone of ids) scheduled.delete(gone);
          remove(ids);
        },
        Math.max(0, at - now()),
      );
      sweeps.set(at, { ids, timer });
    },
    destroy() {
      for (const { timer } of sweeps.values()) clearTimeout(timer);
      sweeps.clear();
      scheduled.clear();
    },
  };
}
