// The built Storybook (stories/storybook-static): a few stories of each element open in Chromium,
// render what their recorded state says, and log no errors. No media server runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';
import { screenshot, waitForCount, waitForText, watchErrors } from './support/wait.js';

const built = fileURLToPath(new URL('../stories/storybook-static', import.meta.url));

let server: StaticServer;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(built, 'iframe.html')), `${built} is missing: run \`pnpm run storybook:build\``);
  server = await serveDirectory(built);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openStory(id: string, check: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, reducedMotion: 'reduce' });
  const errors = watchErrors(page);
  try {
    await page.goto(`${server.url}iframe.html?id=${id}&viewMode=story`);
    await check(page);
    await screenshot(page, `story-${id}`);
    assert.deepEqual(errors, [], `${id} logged errors`);
  } finally {
    await page.close();
  }
}

test('the library lists thousands of recorded files in a virtualized grid', async () => {
  await openStory('elements-media-library--grid-with-thousands', async (page) => {
    await waitForText(page.locator('media-library [part~="toolbar"]'), '5,000', 15_000);
    const rendered = page.locator('media-library [part~="item"][data-id]');
    await waitForCount(rendered, 8, 10_000);
    assert.ok((await rendered.count()) < 400, 'only the visible part of 5,000 items is in the DOM');
  });
});

test('the library in French, right to left, with a selection, shows the selection bar', async () => {
  await openStory('elements-media-library--selection', async (page) => {
    await waitForCount(page.locator('media-library [part~="item"][aria-selected="true"]'), 3, 10_000);
    await waitForText(page.locator('media-library [part~="selection-bar"]'), '3', 5_000);
  });
  await openStory('elements-media-library--french', async (page) => {
    await waitForText(page.locator('media-library [part~="toolbar"]'), 'Médiathèque', 10_000);
  });
});

test('the library opens its confirm and preview dialogs from a story', async () => {
  await openStory('elements-media-library--confirm-delete', async (page) => {
    await waitForCount(page.locator('media-library dialog[open][part~="confirm-dialog"]'), 1, 10_000);
    // Confirming deletes through the recorded server: the two selected files leave the library.
    await page.locator('media-library dialog[open][part~="confirm-dialog"] button[type="submit"]').click();
    const gone = page.locator(
      'media-library [part~="item"]:is([data-id="file_000003"], [data-id="file_000004"])',
    );
    const deadline = Date.now() + 10_000;
    while ((await gone.count()) > 0 && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal(await gone.count(), 0, 'the deleted files are no longer listed');
  });
  await openStory('elements-media-library--preview', async (page) => {
    await waitForText(page.locator('media-library [part~="details"]'), 'photo-101', 10_000);
  });
});

test('the viewer and editor stories offer what each role may do, and say why uploads stop', async () => {
  await openStory('elements-media-library--viewer-details', async (page) => {
    await waitForText(page.locator('media-library [part~="usages"]'), 'photo-101', 10_000);
    assert.equal(await page.locator('media-library [part~="usage-add"]').count(), 0, 'no usage form');
    assert.equal(await page.locator('media-library [part~="upload-button"]').count(), 0, 'no upload');
  });
  await openStory('elements-media-library--editor', async (page) => {
    await waitForCount(page.locator('media-library [part~="delete-button"]'), 1, 10_000);
  });
  await openStory('elements-media-library--editor-details', async (page) => {
    // the story's play adds a usage through the pane; a colleague's file keeps its name read-only
    await waitForText(page.locator('media-library [part~="usages"]'), 'photo-201 · lesson-4', 10_000);
    assert.equal(await page.locator('media-library dialog[open] input[name="name"][readonly]').count(), 1);
  });
  await openStory('elements-media-library--upload-queue-full', async (page) => {
    await waitForText(page.locator('media-library [part~="upload-note"]'), 'queue is full', 10_000);
    assert.equal(await page.locator('media-library [part~="upload-button"]').isDisabled(), true);
  });
});

test('the panel shows many uploads, and failed ones with their reason', async () => {
  await openStory('elements-upload-panel--uploading-many', async (page) => {
    await waitForCount(page.locator('upload-panel [part~="row"][data-status="uploading"]'), 3, 10_000);
    await waitForCount(page.locator('upload-panel [part~="row"][data-status="queued"]'), 7, 10_000);
  });
  await openStory('elements-upload-panel--failed', async (page) => {
    await waitForCount(page.locator('upload-panel [part~="row"][data-status="error"]'), 2, 10_000);
  });
});

test('the dropzone reflects a refused drag and lists rejected files', async () => {
  await openStory('elements-upload-dropzone--dragging-invalid', async (page) => {
    await waitForCount(page.locator('upload-dropzone[drag-active][drag-reject]'), 1, 10_000);
  });
  await openStory('elements-upload-dropzone--refused-for-viewer', async (page) => {
    await waitForText(page.locator('upload-dropzone [part~="reason"]'), 'view files, not upload', 10_000);
  });
  await openStory('elements-upload-dropzone--rejected-files', async (page) => {
    await waitForCount(page.locator('upload-dropzone [part~="rejections"] li'), 3, 10_000);
  });
});

test('a recorded socket replay takes an upload from processing to ready in the library', async () => {
  await openStory('elements-media-library--processing-live', async (page) => {
    const row = page.locator('upload-panel [part~="row"][data-status]');
    await waitForCount(row, 1, 10_000);
    assert.equal(await row.getAttribute('data-status'), 'processing');
    await waitForCount(page.locator('upload-panel [part~="row"][data-status="ready"]'), 1, 10_000);
    await waitForCount(
      page.locator('media-library [part~="item"][data-id="file_000016"][data-status="ready"]'),
      1,
      5_000,
    );
  });
});

test('a docs page documents the element from its manifest', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = watchErrors(page);
  try {
    await page.goto(`${server.url}iframe.html?id=elements-upload-panel--docs&viewMode=docs`);
    await waitForText(page.locator('#storybook-docs'), 'mb-panel-toggle', 15_000);
    await waitForText(page.locator('#storybook-docs'), '--mb-', 5_000);
    await screenshot(page, 'story-docs-upload-panel');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
