// Pause and resume a large upload: while paused no byte moves on the server, resuming continues
// from the server's offset (not from zero), and the stored file is the source byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLargeFile, sha256Stream, sizeOf } from './support/media.js';
import { startLargeUpload } from './support/large-upload.js';
import { useSuite } from './support/suite.js';
import { itemByName, listFiles, sleep, tusOffset, waitFor } from './support/library.js';

const suite = useSuite((dir) => makeLargeFile(dir, 'archive.bin', 256));

test('a large upload pauses (no bytes move), resumes from the server offset and stores the same bytes', async () => {
  const { files: big, server } = suite;
  const size = await sizeOf(big);
  const { page, errors, row, bar, patchOffsets, uploadUrls, throttle } = await startLargeUpload(
    suite.browser,
    server.url,
    big,
    'archive.bin',
  );
  const uploadUrl = uploadUrls[0] ?? '';
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
