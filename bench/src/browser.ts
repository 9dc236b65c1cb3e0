// Headless Debian Chromium through playwright-core, and a fresh bench page per measurement.
import type { Browser, Page } from 'playwright-core';
import type { Widget } from './build.js';

// the e2e tests' launch: the machine's Chromium with the flags its closed network needs
export { launchBrowser } from '../../e2e/support/browser.js';

/** `query`: the page's options, e.g. `?concurrency=6` (pages/mediabay.ts) */
export async function openBenchPage(
  browser: Browser,
  baseUrl: string,
  widget: Widget,
  query = '',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${widget}] ${error.message}`));
  await page.goto(`${baseUrl}/${widget}.html${query}`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

/**
 * Waits until the page has sat idle a moment, as a page does before a person picks files: what it
 * prefetches when idle (Mediabay's panel, tus-js-client) is loaded, as it would be for them.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 5000 }), 1000),
      ),
  );
}
