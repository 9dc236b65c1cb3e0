// The LMS example (a course editor), built by Vite and served by the real `mediabay serve`: a lesson
// uses a file uploaded into <media-library>, the usage goes through `PUT /api/media/:id/usages`,
// survives a reload, and shows in the library's details pane.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ListResponse } from '@mediabay/core/protocol';
import { launchBrowser } from './support/browser.js';
import { makeImage } from './support/media.js';
import { startServer, type RunningServer } from './support/server.js';
import { screenshot, waitForCount, waitForText, watchErrors } from './support/wait.js';

const dist = fileURLToPath(new URL('../examples/lms/dist', import.meta.url));
const ITEM = 'media-library [part~="item"][data-name="composition.png"]';
const LESSON = '[data-lesson-id="lesson-2"]';

let dir: string;
let server: RunningServer;
let browser: Browser;
let image: string;

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), `${dist} is missing: run \`pnpm run build\` first`);
  dir = await mkdtemp(join(tmpdir(), 'mediabay-lms-'));
  image = await makeImage(dir, 'composition.png');
  server = await startServer(join(dir, 'data'), { demo: dist });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a lesson uses an uploaded file; the usage is stored, restored and shown in the details', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.locator('media-library upload-dropzone input[type="file"]').setInputFiles(image);
  await waitForCount(page.locator(`${ITEM}[data-status="ready"]`), 1, 30_000);

  // Nothing selected: the lesson cannot use anything yet.
  const use = page.locator(`${LESSON} button.primary`);
  assert.equal(await use.isDisabled(), true);
  await page.locator(ITEM).click();
  await waitForText(use, 'composition.png', 5_000);
  await use.click();
  await waitForText(page.locator(`${LESSON} figure.media`), 'composition.png', 10_000);

  const list = (await (
    await fetch(new URL('api/media?courseId=photo-101', server.url))
  ).json()) as ListResponse;
  assert.deepEqual(
    list.items.map((file) => [file.name, file.usages]),
    [['composition.png', [{ courseId: 'photo-101', lessonId: 'lesson-2' }]]],
  );

  // After a reload the lesson is rebuilt from the server's usages, and other lessons stay empty.
  await page.reload();
  await waitForText(page.locator(`${LESSON} figure.media`), 'composition.png', 10_000);
  assert.equal(await page.locator('[data-lesson-id="lesson-1"] figure.media').count(), 0);

  // The library's details pane lists where the file is used.
  await waitForCount(page.locator(ITEM), 1, 10_000);
  await page.locator(ITEM).dblclick();
  await waitForText(page.locator('media-library [part~="details"]'), 'lesson-2', 10_000);
  await screenshot(page, 'example-lms-details');
  await page.keyboard.press('Escape');
  await screenshot(page, 'example-lms');
  assert.deepEqual(errors, []);
  await page.close();
});
