// An LMS page on another origin than the media server embeds the built elements bundle. With a bearer
// token (the host app's own client) and with cookies (`credentials="include"` on the element), the
// library loads, uploads go through, thumbnails load from the server, and the socket is live: another
// user's upload appears without a reload while the client never falls back to polling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { Upload } from 'tus-js-client';
import type { ListResponse } from '@mediabay/core/protocol';
import { startAuthServer, type AuthServer } from './support/auth-server.js';
import { launchBrowser } from './support/browser.js';
import { bundlePage } from './support/bundle-page.js';
import { waitFor } from './support/library.js';
import { makeImage } from './support/media.js';
import { startServer } from './support/server.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';
import { waitForCount, watchErrors } from './support/wait.js';

const elementsDist = fileURLToPath(new URL('../packages/elements/dist/', import.meta.url));
const ITEM = 'media-library [part~="item"]';

let dir: string;
/** each page uploads its own picture: one already in the library would open the duplicate prompt */
const images: Record<string, string> = {};
let site: StaticServer;
let server: AuthServer;
let browser: Browser;
/** what the page calls the server: `localhost`, a name of its own (another origin than 127.0.0.1) */
let api: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-embed-'));
  for (const name of ['cover.png', 'cover-bob.png', 'cover-open.png'])
    images[name] = await makeImage(dir, name);
  const root = join(dir, 'site');
  await mkdir(root);
  await cp(join(elementsDist, 'mediabay-elements.bundle.js'), join(root, 'mediabay-elements.bundle.js'));
  await cp(join(elementsDist, 'chunks'), join(root, 'chunks'), { recursive: true });
  await bundlePage('embed-entry.ts', root, {
    name: 'embed',
    head: '<script type="module" src="./mediabay-elements.bundle.js"></script>',
  });
  site = await serveDirectory(root);
  const port = new URL(site.url).port;
  server = await startAuthServer(join(dir, 'data'), [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  api = `http://localhost:${server.port}/api/media`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await site?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** another user of the tenant uploads through the API (tus), as from another browser */
function uploadAs(
  token: string | null,
  name: string,
  endpoint = `${server.origin}/api/media`,
): Promise<void> {
  return new Promise((resolve, reject) => {
    new Upload(Buffer.from(`notes of ${name}\n`.repeat(50)), {
      endpoint: `${endpoint}/uploads`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      metadata: { filename: name, filetype: 'text/plain' },
      onSuccess: () => resolve(),
      onError: reject,
    }).start();
  });
}

async function openEmbed(page: Page, pageOrigin: string, query: string, endpoint = api): Promise<void> {
  await page.goto(`${pageOrigin}/embed.html?${query}&api=${encodeURIComponent(endpoint)}`);
  await page.waitForFunction(() => window.embed?.client.$live.get() === 'live', undefined, {
    timeout: 15_000,
  });
}

/**
 * the page's own uploads and another user's, and what they show. The thumbnail's <img> sends no
 * token: its URL is signed by the server (`?exp=…&sig=…`), so it loads on a token-only page too.
 */
async function uploadAndWatch(
  page: Page,
  upload: (name: string) => Promise<void>,
  otherName: string,
  own = 'cover.png',
): Promise<void> {
  await page.locator('media-library upload-dropzone input[type="file"]').setInputFiles(images[own]!);
  const item = page.locator(`${ITEM}[data-name="${own}"][data-status="ready"]`);
  await waitForCount(item, 1, 30_000);
  // the thumbnail comes from the media server, not from the page's origin
  const img = item.locator('img.thumb-img');
  const src = await img.getAttribute('src');
  const endpoint = await page.evaluate(() => window.embed.client.endpoint);
  assert.ok(src?.startsWith(`${endpoint}/`), `thumbnail at ${src}, endpoint ${endpoint}`);
  assert.match(src ?? '', /\/thumbnail\?exp=\d+&sig=[\w-]+$/, 'a signed thumbnail URL');
  await waitFor('the thumbnail loaded', () => img.evaluate((el: HTMLImageElement) => el.naturalWidth > 0));

  await upload(otherName);
  await waitForCount(page.locator(`${ITEM}[data-name="${otherName}"]`), 1, 15_000);
  const live = await page.evaluate(() => window.embed.live);
  assert.ok(
    !live.slice(live.indexOf('live')).includes('polling'),
    `the socket stayed up: ${live.join(' > ')}`,
  );
}

test('a page on another origin with a bearer token: library, upload, thumbnails, live socket', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await openEmbed(page, site.url.replace(/\/$/, ''), 'mode=bearer&token=alice-token');
  await uploadAndWatch(page, (name) => uploadAs('carol-token', name), 'carol-for-alice.txt');
  const list = (await (
    await fetch(`${server.origin}/api/media?q=cover`, { headers: { authorization: 'Bearer alice-token' } })
  ).json()) as ListResponse;
  assert.deepEqual(
    list.items.map((file) => [file.name, file.ownerId]),
    [['cover.png', 'alice']],
  );
  // no 401 for the thumbnails either: an <img> sends no token, its URL is signed
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page on another origin with a session cookie and credentials="include": the same', async () => {
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'sid', value: 'bob-session', domain: 'localhost', path: '/', sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const pageOrigin = `http://localhost:${new URL(site.url).port}`;
  await openEmbed(page, pageOrigin, 'mode=cookie');
  await uploadAndWatch(page, (name) => uploadAs('carol-token', name), 'carol-for-bob.txt', 'cover-bob.png');
  const list = (await (
    await fetch(`${server.origin}/api/media?q=cover`, { headers: { cookie: 'sid=bob-session' } })
  ).json()) as ListResponse;
  assert.ok(
    list.items.some((file) => file.name === 'cover-bob.png' && file.ownerId === 'bob'),
    'bob uploaded through his cookie',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('mediabay serve --allowed-origins: an allowed page needs only `endpoint`; another origin is refused', async () => {
  const port = new URL(site.url).port;
  const cli = await startServer(join(dir, 'cli-data'), {
    args: ['--allowed-origins', `http://127.0.0.1:${port}`],
  });
  try {
    const endpoint = `${cli.url}api/media`;
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await openEmbed(page, `http://127.0.0.1:${port}`, 'mode=open', endpoint);
    await uploadAndWatch(
      page,
      (name) => uploadAs(null, name, endpoint),
      'someone-else.txt',
      'cover-open.png',
    );
    assert.deepEqual(errors, []);
    await page.close();

    // localhost:PORT is another origin, not on the list: the browser may not read the API
    const other = await browser.newPage();
    await other.goto(`http://localhost:${port}/embed.html?mode=open&api=${encodeURIComponent(endpoint)}`);
    await other.waitForFunction(() => window.embed !== undefined);
    const refused = await other.evaluate(() =>
      window.embed.client.library.list().then(
        () => 'listed',
        (error: { code?: string }) => error.code ?? 'error',
      ),
    );
    assert.equal(refused, 'network-error', 'CORS keeps the library from a page that is not allowed');
    await other.close();
  } finally {
    await cli.stop();
  }
});
