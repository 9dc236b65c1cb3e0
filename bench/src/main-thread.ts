// The main-thread load of a bench page over a stretch of work, from Chromium's own counters.
import type { Page } from 'playwright-core';

/**
 * The page's main-thread time while it works (uploads, renders): Chromium's TaskDuration (every
 * task of the renderer's main thread: scripts, style, layout, paint) and the longest task seen (long
 * tasks are >= 50 ms).
 */
export async function mainThreadLoad(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  };
  await page.evaluate(() => {
    const state = window as unknown as { benchLongest: number };
    state.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.benchLongest = Math.max(state.benchLongest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const before = await taskSeconds();
  return {
    async stop() {
      const busySeconds = (await taskSeconds()) - before;
      const longestTaskMs = await page.evaluate(
        () => (window as unknown as { benchLongest: number }).benchLongest,
      );
      await cdp.detach();
      return { busySeconds, longestTaskMs };
    },
  };
}
