// The React and Vue examples, built by Vite and served by the real `mediabay serve --demo <dist>`:
// a file chosen in the page uploads, is listed by the library, and the host framework saw the
// elements' CustomEvents.
import { after, before, describe, test } from 'node:test';
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
import { startServer } from './support/server.js';
import { screenshot, waitForCount, waitForText, watchErrors } from './support/wait.js';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

interface ExampleCase {
  name: string;
  /** the file input to use: the library's own, or a standalone dropzone in the page */
  input: string;
  /** where the page shows what it heard from `mb-files-added` */
  addedLog: string;
}

const EXAMPLES: ExampleCase[] = [
  {
    name: 'react',
    input: 'media-library upload-dropzone input[type="file"]',
    addedLog: '[data-testid="activity"]',
  },
  { name: 'vue', input: 'aside upload-dropzone input[type="file"]', addedLog: '[data-testid="added"]' },
];

let dir: string;
let browser: Browser;
let image: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-examples-'));
  image = await makeImage(dir, 'course-cover.png');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

for (const example of EXAMPLES) {
  describe(`examples/${example.name}`, () => {
    test('uploads a chosen file, lists it, and hears the elements events', async () => {
      const dist = join(examplesDir, example.name, 'dist');
      assert.ok(existsSync(join(dist, 'index.html')), `${dist} is missing: run \`pnpm run build\` first`);
      const server = await startServer(join(dir, `data-${example.name}`), { demo: dist });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = watchErrors(page);
      try {
        await page.goto(server.url);
        await page.locator('media-library').waitFor();
        await page.locator(example.input).setInputFiles(image);

        const item = page.locator('media-library [part~="item"][data-id][data-name="course-cover.png"]');
        await waitForCount(item, 1, 20_000);
        await waitForCount(
          page.locator('media-library [part~="item"][data-name="course-cover.png"][data-status="ready"]'),
          1,
          30_000,
        );
        await waitForText(page.locator(example.addedLog), 'course-cover.png', 5_000);

        // Selecting the item reaches the host through mb-selection-change.
        await item.click();
        await waitForText(page.locator('[data-testid="selection"]'), '1 selected', 5_000);
        await screenshot(page, `example-${example.name}`);

        const list = (await (await fetch(new URL('api/media', server.url))).json()) as ListResponse;
        assert.deepEqual(
          list.items.map((file) => [file.name, file.status]),
          [['course-cover.png', 'ready']],
        );
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await server.stop();
      }
    });
  });
}
