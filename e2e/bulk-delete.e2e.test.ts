// Drag-select with the real mouse and bulk delete: a rectangle drawn across the grid selects exactly
// the items it touches, the delete asks first, and the server no longer lists what was deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite } from './support/suite.js';
import {
  CONFIRM_DIALOG,
  LIBRARY_ITEM,
  listFiles,
  uploadThroughApi,
  waitFor,
  waitForCount,
  waitForVirtualList,
} from './support/library.js';

const COUNT = 8;
const suite = useSuite(undefined, async ({ server }) => {
  for (let i = 1; i <= COUNT; i += 1)
    await uploadThroughApi(server.url, `note-${i}.txt`, new TextEncoder().encode(`note ${i}\n`.repeat(50)));
});

test('a dragged rectangle selects the items it touches and bulk delete removes them from the server', async () => {
  const { browser, server } = suite;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  const items = page.locator(LIBRARY_ITEM);
  await waitForCount(items, COUNT);
  await waitForVirtualList(page);

  // Start in the listbox's padding above the first row (a press on an item would be a click) and
  // end inside the second item of the second row: the rectangle covers two rows of two columns.
  const listbox = (await page.locator('media-library [role="listbox"]').boundingBox())!;
  const boxes = await items.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        name: el.getAttribute('data-name')!,
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
      };
    }),
  );
  const rows = [...new Set(boxes.map((b) => Math.round(b.top)))].sort((a, b) => a - b);
  const columns = [...new Set(boxes.map((b) => Math.round(b.left)))].sort((a, b) => a - b);
  assert.ok(rows.length >= 2 && columns.length >= 3, `the grid lays out ${columns.length}x${rows.length}`);
  const first = boxes.find((b) => Math.round(b.top) === rows[0] && Math.round(b.left) === columns[0])!;
  const target = boxes.find((b) => Math.round(b.top) === rows[1] && Math.round(b.left) === columns[1])!;
  const start = { x: first.left + 4, y: listbox.y + 2 };
  assert.ok(start.y < first.top, 'the drag starts outside every item');
  const end = { x: target.left + 20, y: target.top + 20 };
  const expected = boxes
    .filter((b) => b.left < end.x && b.right > start.x && b.top < end.y && b.bottom > start.y)
    .map((b) => b.name)
    .sort();
  assert.equal(expected.length, 4);

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  assert.equal(
    await page.locator('media-library [part="selection-rect"]').count(),
    1,
    'the rectangle is drawn',
  );
  await page.mouse.up();

  const selected = async () =>
    (
      await page
        .locator(`${LIBRARY_ITEM}[aria-selected="true"]`)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-name')!))
    ).sort();
  await waitFor('the selection', async () => (await selected()).length === expected.length);
  assert.deepEqual(await selected(), expected);

  // Bulk delete asks first; cancelling keeps everything.
  await page.locator('media-library [part="delete-button"]').click();
  const dialog = page.locator(CONFIRM_DIALOG);
  await dialog.waitFor({ state: 'visible' });
  assert.match((await dialog.textContent()) ?? '', /4/, 'the question says how many');
  await dialog.locator('button[type="button"]').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await listFiles(server.url)).length, COUNT);
  assert.deepEqual(await selected(), expected, 'cancel keeps the selection');

  await page.locator('media-library [part="delete-button"]').click();
  await dialog.waitFor({ state: 'visible' });
  await dialog.locator('button[type="submit"]').click();

  await waitForCount(items, COUNT - expected.length);
  const remaining = await waitFor('the server to drop the deleted files', async () => {
    const files = await listFiles(server.url);
    return files.length === COUNT - expected.length ? files : null;
  });
  const remainingNames = remaining.map((file) => file.name);
  for (const name of expected) assert.ok(!remainingNames.includes(name), `${name} is gone from the server`);
  // The page agrees with the server after a reload.
  await page.reload();
  await waitForCount(items, COUNT - expected.length);
  assert.deepEqual(errors, []);
  await page.close();
});
