// One callback per animation frame at most (a timer where there are no frames, e.g. Node or workers).

export interface FrameScheduler {
  /** asks for `flush` to run once before the next frame; repeated calls in one frame are merged */
  schedule(): void;
  /** runs a pending flush now (a lifecycle change must not wait behind progress) */
  flushNow(): void;
  cancel(): void;
}

export function createFrameScheduler(flush: () => void, fallbackMs = 16): FrameScheduler {
  let handle: { kind: 'raf' | 'timer'; id: number | ReturnType<typeof setTimeout> } | null = null;
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
      if (handle) return;
      // hidden tabs get no frames: fall back to a timer there so state still moves
      const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
      handle =
        raf && visible ? { kind: 'raf', id: raf(run) } : { kind: 'timer', id: setTimeout(run, fallbackMs) };
    },
    flushNow() {
      if (!handle) return;
      cancel();
      flush();
    },
    cancel,
  };
}
