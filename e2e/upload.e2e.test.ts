// The vertical slice, end to end: the demo served by `mediabay serve`, three real files chosen in
// headless Chromium, each uploaded over tus, shown in the panel and the library, kept after a reload,
// and stored byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ListResponse } from '@mediabay/core/protocol';
import { makeDocument, makeImage, makeVideo, sha256, sizeOf } from './support/media.js';
import { useSuite } from './support/suite.js';

// Playwright's CSS engine pierces open shadow roots, so these reach inside the elements.
const PANEL_ROW = 'upload-panel [data-operation-id][data-status]';
const LIBRARY_ITEM = 'media-library [part~="item"][data-id]';
const FILE_INPUT = 'upload-dropzone input[type="file"]';
const OPERATION_ID = /^media_upload_\d{13}_[0-9a-z]{15}$/;

const suite = useSuite((dir) => Promise.all([makeVideo(dir), makeImage(dir), makeDocument(dir)]));

async function waitForCount(locator: Locator, count: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.count()) < count) {
    if (Date.now() > deadline)
      throw new Error(`expected ${count} of ${locator}, saw ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function libraryNames(page: Page): Promise<string[]> {
  return page
    .locator(LIBRARY_ITEM)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-name') ?? item.textContent ?? ''));
}

test('three chosen files upload, show progress, appear in the library and survive a reload', async () => {
  const { browser, server, files } = suite;
  const videoSize = await sizeOf(files[0]!);
  assert.ok(videoSize > 12_000_000, `the test video should be large, got ${videoSize} bytes`);

  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.locator('media-library').waitFor();

  await page.locator(FILE_INPUT).setInputFiles(files);

  // Every file gets a panel row at once, with an operation ID in the agreed format.
  const rows = page.locator(PANEL_ROW);
  await waitForCount(rows, 3, 10_000);
  const operationIds = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-operation-id')));
  assert.equal(operationIds.length, 3);
  for (const id of operationIds) assert.match(id ?? '', OPERATION_ID);

  // Each row reaches ready, with its progress bar at 100.
  await waitForCount(page.locator(`${PANEL_ROW}[data-status="ready"]`), 3, 90_000);
  const percents = await rows
    .locator('[role="progressbar"]')
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('aria-valuenow'))));
  assert.deepEqual(percents, [100, 100, 100]);

  // The library lists the server's records for all three.
  const names = files.map((file) => basename(file)).sort();
  await waitForCount(page.locator(LIBRARY_ITEM), 3, 15_000);
  assert.deepEqual(
    (await libraryNames(page))
      .map((n) => n.trim())
      .filter((n) => names.includes(n))
      .sort(),
    names,
  );

  // After a reload the library still shows them (from the server, not from memory).
  await page.reload();
  await waitForCount(page.locator(LIBRARY_ITEM), 3, 15_000);
  assert.deepEqual(
    (await libraryNames(page))
      .map((n) => n.trim())
      .filter((n) => names.includes(n))
      .sort(),
    names,
  );

  // The stored bytes are the source bytes, and each record carries its operation ID.
  const list = (await (await fetch(new URL('api/media?limit=50', server.url))).json()) as ListResponse;
  assert.equal(list.items.length, 3);
  for (const file of files) {
    const record = list.items.find((item) => item.name === basename(file));
    assert.ok(record, `${basename(file)} is listed`);
    assert.equal(record.status, 'ready');
    assert.ok(operationIds.includes(record.operationId), 'the record keeps the client operation ID');
    const content = await fetch(new URL(record.contentUrl, server.url));
    assert.equal(content.status, 200);
    assert.equal(await sha256(new Uint8Array(await content.arrayBuffer())), await sha256(file));
  }
  assert.deepEqual(errors, []);
  await page.close();
});
