// Polling until a condition holds, for tests in Node and in the browser alike (no Node or DOM APIs).

/**
 * Calls `check` (sync or async) every `intervalMs` until it gives something other than undefined or
 * false, and resolves with that; rejects with "timed out waiting for <what>" after `timeoutMs`.
 */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  what = 'condition',
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
