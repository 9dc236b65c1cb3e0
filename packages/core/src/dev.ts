// Dev-mode reporting: bundlers replace `process.env.NODE_ENV`; in an unbundled browser `process` is absent.
declare const process: { env: { NODE_ENV?: string } } | undefined;

export function isDev(): boolean {
  try {
    return typeof process === 'undefined' || process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

/** Reports a programming-level surprise (an event the machine ignored) without throwing. */
export function devWarn(message: string, detail?: unknown): void {
  if (isDev()) console.warn(`[mediabay] ${message}`, detail ?? '');
}
