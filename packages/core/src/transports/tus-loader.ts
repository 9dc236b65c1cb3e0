// Loading tus-js-client (~18 KiB gzip) on its own, so that a page can ask for it when idle
// (`preloadTus`) without the tus transport, which comes with the client's engine.
import type * as Tus from 'tus-js-client';

let tusModule: Promise<typeof Tus> | undefined;

/** Loads tus-js-client once (again after a failed load, e.g. offline); resolves when it is there. */
export function preloadTus(): Promise<typeof Tus> {
  tusModule ??= import('tus-js-client').catch((error: unknown) => {
    tusModule = undefined;
    throw error;
  });
  return tusModule;
}
