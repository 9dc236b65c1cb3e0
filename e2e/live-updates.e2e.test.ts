// Two people on one library: a second browser context (its own cookies, storage and socket) sees the
// first one's upload appear and its delete disappear, live, without reloading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { makeImage } from './support/media.js';
import { useSuite } from './support/suite.js';
import {
  CONFIRM_DIALOG,
  FILE_INPUT,
  itemByName,
  LIBRARY_ITEM,
  listFiles,
  waitFor,
  waitForCount,
} from './support/library.js';

const suite = useSuite((dir) => makeImage(dir, 'shared-poster.png'));

async function openLibrary(): Promise<{ page: Page; errors: string[] }> {
  const { browser, server } = suite;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Count sockets that opened, so the test knows when this page can hear the server.
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const counter = window as unknown as { openSockets: number };
    counter.openSockets = 0;
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.addEventListener('open', () => (counter.openSockets += 1));
      }
    };
  });
  await page.goto(server.url);
  await page.locator('media-library [part="empty"]').waitFor();
  await page.waitForFunction(() => (window as unknown as { openSockets: number }).openSockets > 0);
  return { page, errors };
}

test("a second browser sees the first one's upload and delete live", async () => {
  const { server, files: image } = suite;
  const alice = await openLibrary();
  const bob = await openLibrary();

  await alice.page.locator(FILE_INPUT).setInputFiles(image);
  const bobsItem = itemByName(bob.page, 'shared-poster.png');
  await bobsItem.waitFor({ timeout: 15_000 });
  await waitFor(
    'the item ready for bob',
    async () => (await bobsItem.getAttribute('data-status')) === 'ready',
  );
  const [record] = await listFiles(server.url);
  assert.equal(await bobsItem.getAttribute('data-id'), record!.id, "bob sees the server's record");
  await waitFor("bob's thumbnail", () =>
    bobsItem.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
  );

  // Alice deletes it (click, Delete key, confirm); Bob's grid empties without a reload.
  const alicesItem = itemByName(alice.page, 'shared-poster.png');
  await waitFor(
    'the item ready for alice',
    async () => (await alicesItem.getAttribute('data-status')) === 'ready',
  );
  await alicesItem.click();
  await alice.page.keyboard.press('Delete');
  const dialog = alice.page.locator(CONFIRM_DIALOG);
  await dialog.waitFor({ state: 'visible' });
  await dialog.locator('button[type="submit"]').click();

  await waitForCount(bob.page.locator(LIBRARY_ITEM), 0);
  await bob.page.locator('media-library [part="empty"]').waitFor();
  assert.deepEqual(await listFiles(server.url), []);
  assert.deepEqual([...alice.errors, ...bob.errors], []);
  await alice.page.context().close();
  await bob.page.context().close();
});
