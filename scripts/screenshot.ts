// Takes screenshots of the demo as a user sees it: mid-upload and after. Used for the README and to
// look at the UI while building it. Usage: node --import tsx scripts/screenshot.ts [outDir]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.js';
import { makeDocument, makeImage, makeVideo } from '../e2e/support/media.js';
import { startServer } from '../e2e/support/server.js';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
await mkdir(outDir, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'mediabay-shot-'));
const server = await startServer(join(dir, 'data'));
const browser = await launchBrowser();
try {
  const big = join(dir, 'course-recording.mov');
  await writeFile(big, Buffer.alloc(400 * 1024 * 1024, 7));
  const files = [
    await makeVideo(dir),
    await makeImage(dir),
    await makeDocument(dir),
    await makeImage(dir, 'diagram.png'),
    big,
  ];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.locator('upload-dropzone input[type="file"]').setInputFiles(files.slice(0, 4));
  await page.waitForTimeout(3000);
  await page.locator('upload-dropzone input[type="file"]').setInputFiles([big]);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(outDir, 'uploading.png') });
  await page.waitForTimeout(8000);
  await page.screenshot({ path: join(outDir, 'library.png') });
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
