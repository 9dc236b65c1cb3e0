// Pause and resume a large upload: while paused no byte moves on the server, resuming continues
// from the server's offset (not from zero), and the stored file is the source byte for byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { makeLargeFile, sha256Stream, sizeOf } from './support/media.js';
import { startServer, type RunningServer } from './support/server.js';
import {
  FILE_INPUT,
  itemByName,
  listFiles,
  rowByName,
  sleep,
  tusOffset,
  waitFor,
} from './support/library.js';

const MIB = 1024 * 1024;
let dir: string;
let server: RunningServer;
let browser: Browser;
let big: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-e2e-'));
  big = await makeLargeFile(dir, 'archive.bin', 256);
  server = await startServer(join(dir, 'data'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a large upload pauses (no bytes move), resumes from the server offset and stores the same bytes', async () => {
  const size = await sizeOf(big);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Loopback moves 256 MiB in under a second; a throttled upload leaves time to press pause.
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
  let uploadUrl = '';
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patchOffsets.push(Number(request.headers()['upload-offset']));
  });
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/api/media/uploads'))
      uploadUrl = new URL(response.headers()['location']!, response.url()).href;
  });
  await page.goto(server.url);
  await page.locator('media-library').waitFor();

  await page.locator(FILE_INPUT).setInputFiles(big);
  const row = rowByName(page, 'archive.bin');
  const bar = row.locator('[role="progressbar"]');
  await waitFor('progress past 10%', async () => Number(await bar.getAttribute('aria-valuenow')) >= 10);
  await row.locator('[data-action="pause"]').click();
  await waitFor('the row paused', async () => (await row.getAttribute('data-status')) === 'paused');
  assert.equal(
    await itemByName(page, 'archive.bin').getAttribute('data-status'),
    'paused',
    'the library agrees',
  );

  // Paused means paused on the server too: the offset stops and stays short of the end.
  assert.ok(uploadUrl, 'the tus upload was created');
  await sleep(300); // bytes already in the socket buffers land
  const pausedAt = await tusOffset(uploadUrl);
  await sleep(1000);
  assert.equal(await tusOffset(uploadUrl), pausedAt, 'no bytes arrive while paused');
  assert.ok(pausedAt > 0 && pausedAt < size, `paused mid-file (${pausedAt} of ${size})`);
  const shownPercent = Number(await bar.getAttribute('aria-valuenow'));
  assert.ok(
    shownPercent > 0 && shownPercent < 100,
    `the bar keeps its place while paused (${shownPercent}%)`,
  );

  await throttle(-1);
  const patchesBeforeResume = patchOffsets.length;
  await row.locator('[data-action="resume"]').click();
  await waitFor('the row ready', async () => (await row.getAttribute('data-status')) === 'ready', 60_000);
  const resumed = patchOffsets.slice(patchesBeforeResume);
  assert.ok(resumed.length > 0, 'resuming sent a PATCH');
  assert.equal(resumed[0], pausedAt, "the first PATCH after resume starts at the server's offset");
  assert.equal(await tusOffset(uploadUrl), size);

  const record = await waitFor('the stored record', async () =>
    (await listFiles(server.url)).find((file) => file.name === 'archive.bin' && file.status === 'ready'),
  );
  assert.equal(record.size, size);
  const content = await fetch(new URL(record.contentUrl, server.url));
  assert.equal(content.status, 200);
  assert.equal(await sha256Stream(content.body!), await sha256Stream(big), 'stored bytes equal the source');
  assert.deepEqual(errors, []);
  await page.close();
});
