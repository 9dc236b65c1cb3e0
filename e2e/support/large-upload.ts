// A large upload started from the library's picker on a throttled page, with the offsets of its
// tus PATCHes and the upload URLs the server created recorded: what pause/resume and reload/resume
// scenarios start from, so they can check that bytes continue from the server's offset.
import type { Browser, Locator, Page } from 'playwright-core';
import { FILE_INPUT, rowByName, waitFor } from './library.js';

const MIB = 1024 * 1024;

export interface LargeUpload {
  page: Page;
  /** uncaught page errors, expected to stay empty */
  errors: string[];
  /** the panel row of the upload and its progress bar */
  row: Locator;
  bar: Locator;
  /** `Upload-Offset` of every PATCH sent, in order */
  patchOffsets: number[];
  /** absolute URL of every tus upload the page created */
  uploadUrls: string[];
  /** upload bytes per second for the page (-1: unthrottled) */
  throttle(bytesPerSecond: number): Promise<unknown>;
}

/** Opens the library, picks `path` and returns once the panel shows it past 10%. */
export async function startLargeUpload(
  browser: Browser,
  url: string,
  path: string,
  name: string,
): Promise<LargeUpload> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Loopback moves hundreds of MiB in under a second; a throttled upload leaves time to act mid-file.
  const cdp = await page.context().newCDPSession(page);
  const throttle = (bytesPerSecond: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond,
    });
  await throttle(32 * MIB);
  const patchOffsets: number[] = [];
  const uploadUrls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patchOffsets.push(Number(request.headers()['upload-offset']));
  });
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/api/media/uploads'))
      uploadUrls.push(new URL(response.headers()['location']!, response.url()).href);
  });
  await page.goto(url);
  await page.locator('media-library').waitFor();

  await page.locator(FILE_INPUT).setInputFiles(path);
  const row = rowByName(page, name);
  const bar = row.locator('[role="progressbar"]');
  await waitFor('progress past 10%', async () => Number(await bar.getAttribute('aria-valuenow')) >= 10);
  return { page, errors, row, bar, patchOffsets, uploadUrls, throttle };
}
