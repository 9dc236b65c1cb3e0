// Time to add N picked files to each widget until they are painted, through the widget's own add
// call (what its drop handler calls), with the longest main-thread task while it happens.
import type { Browser } from 'playwright-core';
import { launchBrowser, openBenchPage } from './browser.js';
import type { Widget } from './build.js';
import { ms, printTable } from './table.js';

const TIMEOUT_MS = 60_000;
const LABELS: Partial<Record<Widget, string>> = {
  mediabay: 'Mediabay <media-library>',
  uppy: 'Uppy Dashboard',
  filepond: 'FilePond',
};

type Outcome = { ms: number; longestTaskMs: number } | 'timeout' | Error;

/** One measurement in its own browser: a widget that blocks its main thread cannot hold up the rest. */
async function addOnce(baseUrl: string, widget: Widget, count: number): Promise<Outcome> {
  const browser: Browser = await launchBrowser();
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await openBenchPage(browser, baseUrl, widget);
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)),
    );
    return await Promise.race([page.evaluate((count) => window.bench.add(count), count), timeout]);
  } catch (error) {
    return error as Error;
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}

export async function benchAddFiles(baseUrl: string, counts: number[]): Promise<void> {
  const rows = [];
  const timedOut = new Map<string, number>();
  for (const count of counts) {
    for (const [widget, label] of Object.entries(LABELS)) {
      const files = count.toLocaleString('en');
      const earlier = timedOut.get(widget);
      if (earlier !== undefined) {
        const skipped = `skipped (${earlier.toLocaleString('en')} took > ${TIMEOUT_MS / 1000} s)`;
        rows.push({ files, widget: label, 'until painted (ms)': skipped, 'longest task (ms)': '' });
        continue;
      }
      const outcome = await addOnce(baseUrl, widget as Widget, count);
      if (outcome === 'timeout') timedOut.set(widget, count);
      const painted =
        outcome === 'timeout'
          ? `> ${TIMEOUT_MS / 1000} s`
          : outcome instanceof Error
            ? outcome.message
            : ms(outcome.ms);
      const longest = outcome === 'timeout' || outcome instanceof Error ? '' : ms(outcome.longestTaskMs);
      console.error(`  add ${files} ${widget}: ${painted} ms (longest task ${longest})`);
      rows.push({ files, widget: label, 'until painted (ms)': painted, 'longest task (ms)': longest });
    }
  }
  printTable(
    'Add N files (1 KiB each) through the widget until its list shows them',
    rows,
    'Mediabay also starts uploading at once (3 at a time); Uppy and FilePond wait (autoProceed / instantUpload off).',
  );
}
