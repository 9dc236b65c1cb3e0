// Rendering budgets of <media-library> (moved here from packages/elements/bench): time to paint N
// library files put straight into the client's cache (1k / 10k / 100k) and the frame time of scroll
// jumps, then 200 panel rows taking 10 rounds of progress updates.
import type { Browser } from 'playwright-core';
import { openBenchPage } from './browser.js';
import { mainThreadLoad } from './main-thread.js';
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

  const panelRows = [];
  for (const uncontained of [false, true]) {
    const page = await openBenchPage(browser, baseUrl, 'mediabay');
    const added = await page.evaluate((flag) => window.bench.addPanelRows!(flag), uncontained);
    const load = await mainThreadLoad(page);
    const moved = await page.evaluate(() => window.bench.movePanelRows!());
    const { busySeconds } = await load.stop();
    await page.close();
    panelRows.push({
      panel: uncontained ? 'containment undone' : 'as shipped',
      'add 200 (ms)': ms(added),
      'main thread per round (ms)': ms((busySeconds * 1000) / 10),
      'write to after-frame, mean (ms)': ms(moved.mean),
      'max (ms)': ms(moved.max),
    });
  }
  printTable(
    '<upload-panel> inside <media-library>: 200 uploads x 10 progress rounds (each round moves all 200)',
    panelRows,
    'Main thread per round: all of its tasks (script, style, layout, paint) over the 10 rounds / 10. A frame at 60 Hz lasts 16.7 ms.',
  );
}
