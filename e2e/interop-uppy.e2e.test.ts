// Uppy 6 (@uppy/core + @uppy/tus, bundled here with esbuild) in Chromium against the real
// `mediabay serve`: three files, no operationId of ours, all three in the library with their bytes.
// Uppy's setMeta can give every file one operationId: the server refuses the others with
// 409 operation-conflict instead of answering 2xx and dropping their bytes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ListResponse } from '@mediabay/core/protocol';
import { launchBrowser } from './support/browser.js';
import { bundlePage } from './support/bundle-page.js';
import { readyFile, storedSha256, sha256Of } from './support/interop.js';
import { waitFor } from './support/library.js';
import { startServer, type RunningServer } from './support/server.js';
import { watchErrors } from './support/wait.js';

let dir: string;
let server: RunningServer;
let browser: Browser;
let api: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediabay-uppy-'));
  const site = join(dir, 'site');
  await mkdir(site);
  await bundlePage('uppy-entry.ts', site);
  server = await startServer(join(dir, 'data'), { demo: site });
  api = `${server.url}api/media`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** the bytes uppy-entry.ts makes for a file */
function bytesFor(name: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (name.charCodeAt(i % name.length) + i) & 0xff;
  return bytes;
}

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}index.html`);
  await page.waitForFunction(() => typeof window.uploadWithUppy === 'function');
  return { page, errors };
}

const listNamed = async (prefix: string) =>
  ((await (await fetch(`${api}?q=${prefix}&limit=100`)).json()) as ListResponse).items.filter((file) =>
    file.name.startsWith(prefix),
  );

test('Uppy uploads 3 files; all 3 are ready in the library with the bytes Uppy sent', async () => {
  const { page, errors } = await openPage();
  const files = [
    { name: 'uppy-a.bin', size: 10_000 },
    { name: 'uppy-b.bin', size: 150_000 },
    { name: 'uppy-c.bin', size: 70_000 },
  ];
  const run = await page.evaluate(([endpoint, list]) => window.uploadWithUppy(endpoint, list), [
    `${api}/uploads`,
    files,
  ] as const);
  assert.deepEqual(run.failed, []);
  assert.deepEqual([...run.successful].sort(), files.map((f) => f.name).sort());
  const listed = await waitFor(
    '3 ready files',
    async () => {
      const items = await listNamed('uppy-');
      return items.length === 3 && items.every((file) => file.status === 'ready') ? items : null;
    },
    30_000,
  );
  for (const { name, size } of files) {
    const file = listed.find((entry) => entry.name === name)!;
    assert.equal(file.size, size);
    assert.equal(
      await storedSha256(api, await readyFile(api, file.operationId)),
      sha256Of(bytesFor(name, size)),
    );
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('Uppy setMeta gives 3 files one operationId: one is stored, two are refused 409, none lost', async () => {
  const { page } = await openPage();
  const files = [
    { name: 'shared-a.bin', size: 5_000 },
    { name: 'shared-b.bin', size: 6_000 },
    { name: 'shared-c.bin', size: 7_000 },
  ];
  const run = await page.evaluate(
    ([endpoint, list]) => window.uploadWithUppy(endpoint, list, { operationId: 'uppy-shared-op' }),
    [`${api}/uploads`, files] as const,
  );
  assert.equal(run.successful.length, 1, JSON.stringify(run));
  assert.equal(run.failed.length, 2);
  for (const failure of run.failed) assert.match(failure.error, /409|operation-conflict/);
  const file = await readyFile(api, 'uppy-shared-op');
  assert.equal(file.name, run.successful[0], 'the stored file is the one Uppy was told succeeded');
  const size = files.find((f) => f.name === file.name)!.size;
  assert.equal(await storedSha256(api, file), sha256Of(bytesFor(file.name, size)));
  assert.equal((await listNamed('shared-')).length, 1);
  await page.close();
});
