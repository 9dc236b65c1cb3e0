// Reload mid-upload and resume: after a reload the panel still lists the upload, asking for its
// file again; choosing the file again continues from the server's offset, and the stored bytes match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLargeFile, sha256Stream, sizeOf } from './support/media.js';
import { startLargeUpload } from './support/large-upload.js';
import { useSuite } from './support/suite.js';
import { listFiles, sleep, tusOffset, waitFor } from './support/library.js';

const suite = useSuite((dir) => makeLargeFile(dir, 'recording.bin', 192));

test("after a reload, choosing the file again resumes from the server's offset", async () => {
  const { files: big, server } = suite;
  const size = await sizeOf(big);
  const { page, errors, row, patchOffsets, uploadUrls, throttle } = await startLargeUpload(
    suite.browser,
    server.url,
    big,
    'recording.bin',
  );
  await page.reload();
  await page.locator('media-library').waitFor();

  // The upload survived the reload as a row that asks for its file.
  const choose = row.locator('[data-action="choose"]');
  await choose.waitFor({ timeout: 10_000 });
  assert.match((await row.locator('[part="row-detail"]').textContent()) ?? '', /choose the file again/i);
  assert.equal(uploadUrls.length, 1);
  await sleep(300); // the aborted PATCH's last bytes land
  const offsetBefore = await tusOffset(uploadUrls[0]!);
  assert.ok(offsetBefore > 0 && offsetBefore < size, `the server holds part of the file (${offsetBefore})`);

  await throttle(-1);
  const patchesBefore = patchOffsets.length;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), choose.click()]);
  await chooser.setFiles(big);
  await waitFor('the row ready', async () => (await row.getAttribute('data-status')) === 'ready', 60_000);
  assert.equal(uploadUrls.length, 1, 'no second upload was created');
  assert.equal(patchOffsets[patchesBefore], offsetBefore, "the upload continued from the server's offset");

  const record = await waitFor('the stored record', async () =>
    (await listFiles(server.url)).find((file) => file.name === 'recording.bin' && file.status === 'ready'),
  );
  const content = await fetch(new URL(record.contentUrl, server.url));
  assert.equal(await sha256Stream(content.body!), await sha256Stream(big), 'stored bytes equal the source');
  assert.deepEqual(errors, []);
  await page.close();
});
