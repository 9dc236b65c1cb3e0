// "Memory stays flat after 10,000 uploads have come and gone" (DESIGN.md "Core"): N small files are
// uploaded through <media-library> to the real server kit, twice; after each round the library's
// cache (which by then lists the N files: data on screen, not residue) is cleared and the heap is
// measured after a forced garbage collection, with the DOM and listener counts from the DevTools
// protocol.
import type { Browser } from 'playwright-core';
import { openBenchPage } from './browser.js';
import { kib, ms, printTable } from './table.js';

export async function benchMemory(browser: Browser, baseUrl: string, count: number): Promise<void> {
  const page = await openBenchPage(browser, baseUrl, 'mediabay');
  const cdp = await page.context().newCDPSession(page);
  await page.waitForFunction(() =>
    document.querySelector('media-library')?.shadowRoot?.querySelector('[part="empty"]:not([role])'),
  );
  const measure = async (label: string, seconds?: number) => {
    await page.evaluate(() => window.bench.forgetLibrary!());
    await page.waitForTimeout(2000); // requests and timers of the last uploads settle first
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const state = await page.evaluate(() => window.bench.counts!());
    return {
      moment: label,
      'uploads (s)': seconds === undefined ? '' : ms(seconds),
      'JS heap used': kib(heap.usedSize),
      'DOM nodes': dom.nodes,
      'event listeners': dom.jsEventListeners,
      '$uploads entries': state.uploads,
      'files on the server': state.files,
    };
  };
  const rows = [await measure('before')];
  for (const round of [1, 2]) {
    const seconds = await page.evaluate((count) => window.bench.uploadMany!(count), count);
    rows.push(await measure(`after round ${round} (${count.toLocaleString('en')} uploads)`, seconds));
  }
  await page.close();
  printTable(
    `Memory: ${count.toLocaleString('en')} uploads through <media-library>, twice (after GC, library cache cleared)`,
    rows,
    'Each round ends when every upload is ready and has left $uploads (5 s after it finished).',
  );
}
