// Rendering budgets of <media-library> (moved here from packages/elements/bench): time to paint N
// library files put straight into the client's cache (1k / 10k / 100k) and the frame time of scroll
// jumps, then 200 panel rows taking 10 rounds of progress updates.
import type { Browser } from 'playwright-core';
import { openBenchPage } from './browser.js';
import { ms, printTable } from './table.js';

export async function benchRender(browser: Browser, baseUrl: string): Promise<void> {
  const libraryRows = [];
  for (const count of [1_000, 10_000, 100_000]) {
    const page = await openBenchPage(browser, baseUrl, 'mediabay');
    // The empty server's first answer must land before the bench data, or it would replace it.
    await page.waitForFunction(() =>
      document.querySelector('media-library')?.shadowRoot?.querySelector('[part="empty"]:not([role])'),
    );
    const result = await page.evaluate((count) => window.bench.paintLibrary!(count), count);
    libraryRows.push({
      files: count.toLocaleString('en'),
      'painted (ms)': ms(result.painted),
      'scroll frame (ms)': ms(result.scrollFrame),
      'item nodes': result.nodes,
    });
    await page.close();
  }
  printTable(
    '<media-library>: N files (from the cache) until painted, then 20 scroll jumps of 2000 px',
    libraryRows,
  );

  const page = await openBenchPage(browser, baseUrl, 'mediabay');
  const panel = await page.evaluate(() => window.bench.updatePanel!());
  await page.close();
  printTable(
    '<upload-panel> inside <media-library>: 200 uploads x 10 progress updates (each round updates all 200)',
    [
      {
        'add 200 (ms)': ms(panel.added),
        'frame per round, mean (ms)': ms(panel.mean),
        'max (ms)': ms(panel.max),
      },
    ],
    'A frame at 60 Hz lasts 16.7 ms.',
  );
}
