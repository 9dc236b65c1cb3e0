// Our elements on any tus server: <media-library upload-endpoint> pointing at a bare @tus/server, with
// nothing of Mediabay's REST or socket at `endpoint` (the page's own static server answers 404). The
// built bundle uploads every file, says once that no Mediabay server answers, and ends each upload
// ready instead of leaving it in "Processing: queued".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { bundlePage } from './support/bundle-page.js';
import { sha256Of, writeRandom } from './support/interop.js';
import { waitFor } from './support/library.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const elementsDist = fileURLToPath(new URL('../packages/elements/dist/', import.meta.url));

let dir: string;
let store: string;
let site: StaticServer;
let tus: http.Server;
let tusUrl: string;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-bare-tus-'));
  store = join(dir, 'store');
  const root = join(dir, 'site');
  await mkdir(store);
  await mkdir(root);
  await cp(join(elementsDist, 'mediabay-elements.bundle.js'), join(root, 'mediabay-elements.bundle.js'));
  await cp(join(elementsDist, 'chunks'), join(root, 'chunks'), { recursive: true });
  await bundlePage('embed-entry.ts', root, {
    name: 'embed',
    head: '<script type="module" src="./mediabay-elements.bundle.js"></script>',
  });
  site = await serveDirectory(root);
  // a stock @tus/server as its README sets it up, on its own origin
  const server = new Server({ path: '/files', datastore: new FileStore({ directory: store }) });
  tus = http.createServer((req, res) => void server.handle(req, res));
  await new Promise<void>((resolve) => tus.listen(0, '127.0.0.1', resolve));
  tusUrl = `http://127.0.0.1:${(tus.address() as AddressInfo).port}/files`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  tus?.closeAllConnections();
  await new Promise<void>((resolve) => (tus ? tus.close(() => resolve()) : resolve()));
  await site?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('uploads to a bare @tus/server end ready after one warning; the bytes are stored', async () => {
  const files = await Promise.all(
    [
      ['bare-a.bin', 20_000],
      ['bare-b.bin', 300_000],
      ['bare-c.bin', 1_500_000],
    ].map(([name, size]) => writeRandom(dir, name as string, size as number)),
  );
  const page = await browser.newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${site.url}embed.html?mode=open&api=/api/media&tus=${encodeURIComponent(tusUrl)}`);
  await page.waitForFunction(() => window.embed !== undefined);
  await page
    .locator('media-library upload-dropzone input[type="file"]')
    .setInputFiles(files.map((f) => f.path));

  const names = ['bare-a.bin', 'bare-b.bin', 'bare-c.bin'];
  const statuses = await waitFor(
    'every upload ready',
    async () => {
      const seen = await page.evaluate(() => window.embed.statuses);
      return names.every((name) => seen.includes(`${name}:ready`)) ? seen : null;
    },
    30_000,
  );
  assert.ok(!statuses.some((entry) => entry.endsWith(':error')), statuses.join(', '));
  assert.equal(await page.evaluate(() => window.embed.missing), 1, 'one server-missing event');
  assert.equal(warnings.filter((text) => text.includes('No Mediabay server')).length, 1, warnings.join('\n'));

  // the tus server has every file, byte for byte
  const stored = (await readdir(store)).filter((name) => !name.endsWith('.json'));
  const hashes = await Promise.all(stored.map(async (name) => sha256Of(await readFile(join(store, name)))));
  assert.deepEqual(hashes.sort(), files.map((file) => sha256Of(file.bytes)).sort());
  await page.close();
});
