// One callback per animation frame at most (a timer where there are no frames, e.g. Node or workers).

export interface FrameScheduler {
  /** asks for `flush` to run once before the next frame; repeated calls in one frame are merged */
  schedule(): void;
  /** asks for `flush` on a timer, not a frame: a frame requested for data that shows nothing new by
   * itself (progress, which elements render at their own pace) would make the browser run style,
   * layout and paint for it, ~20-30 times a second for the whole of an upload. A pending frame or
   * timer takes it along; a `schedule()` meanwhile does not wait for it (a status change goes by the
   * next frame, and takes the progress along). `delayMs` defaults to the fallback's. */
  scheduleQuiet(delayMs?: number): void;
  /** runs a pending flush now (a lifecycle change must not wait behind progress) */
  flushNow(): void;
  cancel(): void;
}

export function createFrameScheduler(flush: () => void, fallbackMs = 16): FrameScheduler {
  /** `quiet`: a scheduleQuiet timer, which a schedule() replaces with the frame */
  let handle: { kind: 'raf' | 'timer' | 'quiet'; id: number | ReturnType<typeof setTimeout> } | null = null;
  const raf: ((fn: () => void) => number) | undefined =
    typeof globalThis.requestAnimationFrame === 'function'
      ? globalThis.requestAnimationFrame.bind(globalThis)
      : undefined;

  const run = (): void => {
    handle = null;
    flush();
  };
  const cancel = (): void => {
    if (!handle) return;
    if (handle.kind === 'raf') globalThis.cancelAnimationFrame(handle.id as number);
    else clearTimeout(handle.id as ReturnType<typeof setTimeout>);
    handle = null;
  };

  return {
    schedule() {
      if (handle && handle.kind !== 'quiet') return;
      cancel();
      // hidden tabs get no frames: fall back to a timer there so state still moves
      const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
      handle =
        raf && visible ? { kind: 'raf', id: raf(run) } : { kind: 'timer', id: setTimeout(run, fallbackMs) };
    },
    scheduleQuiet(delayMs = fallbackMs) {
      handle ??= { kind: 'quiet', id: setTimeout(run, delayMs) };
    },
    flushNow() {
      if (!handle) return;
      cancel();
      flush();
    },
    cancel,
  };
}
