// Dev-mode reporting: bundlers replace `process.env.NODE_ENV`; in an unbundled browser `process` is absent.
declare const process: { env: { NODE_ENV?: string } } | undefined;

export function isDev(): boolean {
  try {
    // one expression a bundler's define replaces whole (`"production" !== 'production'`); a
    // `typeof process` check before it stayed in bundles and made every browser bundle dev
    return process!.env.NODE_ENV !== 'production';
  } catch {
    return true; // no `process`: an unbundled page
  }
}

/** Reports a programming-level surprise (an event the machine ignored) without throwing. */
export function devWarn(message: string, detail?: unknown): void {
  if (isDev()) console.warn(`[mediabay] ${message}`, detail ?? '');
}
