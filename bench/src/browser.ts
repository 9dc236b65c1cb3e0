// Headless Debian Chromium through playwright-core, and a fresh bench page per measurement.
import type { Browser, Page } from 'playwright-core';
import type { Widget } from './build.js';

// the e2e tests' launch: the machine's Chromium with the flags its closed network needs
export { launchBrowser } from '../../e2e/support/browser.js';

export async function openBenchPage(browser: Browser, baseUrl: string, widget: Widget): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${widget}] ${error.message}`));
  await page.goto(`${baseUrl}/${widget}.html`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}
