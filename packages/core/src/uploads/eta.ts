// Speed and time left: an exponential moving average over byte counts, pure and time-injected.
// Pausing freezes the estimate instead of decaying it, so a resumed upload does not start from 0.

export interface EtaState {
  /** bytes per second, smoothed */
  speed: number;
  /** byte count and time of the last sample the estimate is based on; null after a pause */
  lastBytes: number;
  lastTime: number | null;
}

export interface EtaOptions {
  /** time constant of the average in ms: after `halfLife` ms a new rate counts for half */
  halfLife: number;
  /** samples closer together than this are merged: sub-window rates are noise */
  minInterval: number;
}

export const DEFAULT_ETA_OPTIONS: EtaOptions = { halfLife: 2000, minInterval: 250 };

export const initialEta = (): EtaState => ({ speed: 0, lastBytes: 0, lastTime: null });

/** Feeds the current cumulative byte count at time `now` (ms). */
export function sampleEta(
  state: EtaState,
  bytes: number,
  now: number,
  options = DEFAULT_ETA_OPTIONS,
): EtaState {
  if (!Number.isFinite(bytes) || !Number.isFinite(now)) return state;
  if (state.lastTime === null || bytes < state.lastBytes) {
    // first sample after a start/resume, or bytes went away (a canceled file left the batch):
    // rebase without touching the speed, so neither case shows as a jump
    return { speed: state.speed, lastBytes: bytes, lastTime: now };
  }
  const elapsed = now - state.lastTime;
  if (elapsed < options.minInterval) return state;
  const rate = ((bytes - state.lastBytes) / elapsed) * 1000;
  const speed =
    state.speed === 0
      ? rate
      : state.speed + (rate - state.speed) * (1 - Math.pow(0.5, elapsed / options.halfLife));
  return { speed: Math.max(0, speed), lastBytes: bytes, lastTime: now };
}

/** Stops measuring (pause, nothing active): the next sample starts a new interval. */
export function pauseEta(state: EtaState): EtaState {
  return state.lastTime === null ? state : { ...state, lastTime: null };
}

/** Seconds left for `remaining` bytes, or null while the speed is unknown. */
export function timeLeft(remaining: number, speed: number): number | null {
  if (remaining <= 0) return 0;
  if (!(speed > 0)) return null;
  return Math.max(0, Math.ceil(remaining / speed));
}
