// Modules the elements load on first use (tus-js-client for the first upload, ...) are fetched once
// the page is idle after the elements first showed, so that first use does not wait for the network.
// A failed fetch (offline) is forgotten: the first use loads again.

/** weakly: an element's own loader (a closure over it) must not keep the element alive */
const asked = new WeakSet<() => Promise<unknown>>();

/** Runs each loader once per page, when the browser is idle (or after 2 s at the latest). */
export function prefetchOnIdle(...loaders: (() => Promise<unknown>)[]): void {
  const fresh = loaders.filter((load) => !asked.has(load));
  if (fresh.length === 0) return;
  for (const load of fresh) asked.add(load);
  const run = () => {
    for (const load of fresh) load().catch(() => asked.delete(load));
  };
  whenIdle(run);
}

/** Runs `run` once when the browser is idle (after 2 s at the latest; 200 ms where it cannot tell). */
export function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
