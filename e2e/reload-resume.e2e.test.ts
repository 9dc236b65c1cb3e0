// Reload mid-upload and resume: after a reload the panel still lists the upload, asking for its
// file again; choosing the file again continues from the server's offset, and the stored bytes match.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { makeLargeFile, sha256Stream, sizeOf } from './support/media.js';
import { startServer, type RunningServer } from './support/server.js';
import { FILE_INPUT, listFiles, rowByName, sleep, tusOffset, waitFor } from './support/library.js';

const MIB = 1024 * 1024;
let dir: string;
let server: RunningServer;
let browser: Browser;
let big: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-e2e-'));
  big = await makeLargeFile(dir, 'recording.bin', 192);
  server = await startServer(join(dir, 'data'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

test("after a reload, choosing the file again resumes from the server's offset", async () => {
  const size = await sizeOf(big);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
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
  await page.goto(server.url);
  await page.locator('media-library').waitFor();

  await page.locator(FILE_INPUT).setInputFiles(big);
  const row = rowByName(page, 'recording.bin');
  const bar = row.locator('[role="progressbar"]');
  await waitFor('progress past 10%', async () => Number(await bar.getAttribute('aria-valuenow')) >= 10);
  await page.reload();
  await page.locator('media-library').waitFor();

  // The upload survived the reload as a row that asks for its file.
  const choose = row.locator('[data-action="choose"]');
  await choose.waitFor({ timeout: 10_000 });
  assert.match((await row.locator('[part="row-detail"]').textContent()) ?? '', /choose the file again/i);
  assert.equal(uploadUrls.length, 1);
  await sleep(300); // the aborted PATCH's last bytes land
  const offsetBefore = await tusOffset(uploadUrls[0]!);
  assert.ok(offsetBefore > 0 && offsetBefore < size, `the server holds part of the file (${offsetBefore})`);

  await throttle(-1);
  const patchesBefore = patchOffsets.length;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), choose.click()]);
  await chooser.setFiles(big);
  await waitFor('the row ready', async () => (await row.getAttribute('data-status')) === 'ready', 60_000);
  assert.equal(uploadUrls.length, 1, 'no second upload was created');
  assert.equal(patchOffsets[patchesBefore], offsetBefore, "the upload continued from the server's offset");

  const record = await waitFor('the stored record', async () =>
    (await listFiles(server.url)).find((file) => file.name === 'recording.bin' && file.status === 'ready'),
  );
  const content = await fetch(new URL(record.contentUrl, server.url));
  assert.equal(await sha256Stream(content.body!), await sha256Stream(big), 'stored bytes equal the source');
  assert.deepEqual(errors, []);
  await page.close();
});
