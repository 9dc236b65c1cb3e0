// One test file's world: a temporary folder with its input files, the real CLI server on a data
// folder inside it, and headless Chromium; started before the file's tests, removed after them.
import { after, before } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export interface Suite<T> {
  dir: string;
  server: RunningServer;
  browser: Browser;
  /** what `makeFiles` made in `dir` before the server started */
  files: T;
}

/**
 * Registers the file's `before` and `after`; the fields are set once `before` has run. `ready` runs
 * last in the same hook (a second root `before` of node:test may start before this one ends).
 */
export function useSuite<T = undefined>(
  makeFiles?: (dir: string) => Promise<T>,
  ready?: (suite: Suite<T>) => Promise<void>,
): Suite<T> {
  const suite = {} as Suite<T>;
  before(async () => {
    suite.dir = await mkdtemp(join(tmpdir(), 'mediabay-e2e-'));
    suite.files = (await makeFiles?.(suite.dir)) as T;
    suite.server = await startServer(join(suite.dir, 'data'));
    suite.browser = await launchBrowser();
    await ready?.(suite);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    if (suite.dir) await rm(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
