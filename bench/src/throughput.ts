// Upload throughput of one large file picked from disk (setInputFiles, a real disk-backed File),
// through each widget to the server kit on loopback; the median of a few runs.
import { randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openBenchPage } from './browser.js';
import { mainThreadLoad } from './main-thread.js';
import type { Widget } from './build.js';
import { median, ms, printTable } from './table.js';

const MIB = 1024 * 1024;

/** One random MiB written over and over (each MiB stamped), fast and not compressible by accident. */
export async function writeLargeFile(dir: string, mebibytes: number): Promise<string> {
  const path = join(dir, `large-${mebibytes}MiB.bin`);
  const block = randomBytes(MIB);
  const handle = await open(path, 'w');
  try {
    for (let i = 0; i < mebibytes; i += 1) {
      block.writeUInt32BE(i, 0);
      await handle.write(block);
    }
  } finally {
    await handle.close();
  }
  return path;
}

const VARIANTS: { label: string; widget: Widget; variant?: string }[] = [
  { label: 'raw XHR, File as body (ceiling)', widget: 'baseline' },
  { label: 'Mediabay (tus, default)', widget: 'mediabay' },
  { label: 'Mediabay (transport: form)', widget: 'mediabay', variant: 'form' },
  { label: 'Uppy 6 + @uppy/tus', widget: 'uppy' },
  { label: 'FilePond (multipart)', widget: 'filepond' },
];

async function clearLibrary(baseUrl: string): Promise<void> {
  const list = (await (await fetch(`${baseUrl}/api/media?limit=200`)).json()) as { items: { id: string }[] };
  if (list.items.length === 0) return;
  const random = Array.from(randomBytes(15), (b) => (b % 36).toString(36)).join('');
  await fetch(`${baseUrl}/api/media/bulk-delete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      fileIds: list.items.map((item) => item.id),
      operationId: `media_upload_${Date.now()}_${random}`,
    }),
  });
}

export async function benchThroughput(
  browser: Browser,
  baseUrl: string,
  file: string,
  runs: number,
): Promise<void> {
  const { size } = await stat(file);
  const rows = [];
  for (const { label, widget, variant } of VARIANTS) {
    const rates: number[] = [];
    const busy: number[] = [];
    const longest: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const page = await openBenchPage(browser, baseUrl, widget);
      await page.locator('#bench-file').setInputFiles(file);
      const load = await mainThreadLoad(page);
      const took = await page.evaluate((variant) => window.bench.upload(variant), variant);
      const { busySeconds, longestTaskMs } = await load.stop();
      rates.push(size / MIB / (took / 1000));
      busy.push(busySeconds / (took / 1000));
      longest.push(longestTaskMs);
      await page.close();
      await clearLibrary(baseUrl);
    }
    rows.push({
      uploader: label,
      'median (MiB/s)': median(rates).toFixed(0),
      'runs (MiB/s)': rates.map((rate) => rate.toFixed(0)).join(' / '),
      'main thread busy': `${(median(busy) * 100).toFixed(1)} %`,
      'longest task (ms)': Math.max(...longest) > 0 ? ms(Math.max(...longest)) : 'none >= 50',
    });
  }
  const label =
    size >= 1024 * MIB ? `${(size / MIB / 1024).toFixed(0)} GiB` : `${(size / MIB).toFixed(0)} MiB`;
  printTable(`Upload of a picked ${label} file to the server kit on loopback (${runs} runs each)`, rows);
}
