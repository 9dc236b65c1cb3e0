// `pnpm --filter @mediabay/bench bench`: builds the pages, starts the server kit on loopback and
// headless Chromium, and prints every table. `--quick` uses smaller sizes (a smoke run).
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { benchAddFiles } from './add-files.js';
import { dataRoot } from './data-root.js';
import { benchIngest } from './ingest.js';
import { benchIngestLarge } from './ingest-large.js';
import { benchProcessing } from './processing.js';
import { launchBrowser } from './browser.js';
import { buildPage, WIDGETS, type BuiltWidget, type Widget } from './build.js';
import { benchBundleSize } from './bundle-size.js';
import { benchMemory } from './memory.js';
import { benchRender } from './render.js';
import { startBenchServer, type BenchServer } from './server.js';
import { startBenchServerProcess } from './server-process.js';
import { benchSmallUploads } from './small-uploads.js';
import { benchThroughput, writeLargeFile } from './throughput.js';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wants = (name: string) => !only || only.includes(name);
/** `--runs=N`: uploads per uploader in the upload group (default 3, 1 with --quick) */
const runsArg = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length));
/** `--upload-mib=N`: the upload group's file size (default 1024, 128 with --quick) */
const mibArg = Number(
  process.argv.find((arg) => arg.startsWith('--upload-mib='))?.slice('--upload-mib='.length),
);

const uploadMib = mibArg || (quick ? 128 : 1024);
/** memory when it has room for a source file and four uploads of it (data-root.ts), or `--data-dir=` */
const root = await dataRoot(
  6 * uploadMib + 512,
  process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length),
);
const dir = await mkdtemp(join(root, 'mediabay-bench-'));
const pages = new Map<Widget, BuiltWidget>();
for (const widget of WIDGETS) pages.set(widget, await buildPage(widget));
const browser = await launchBrowser();
console.log(`Chromium ${browser.version()}, Node ${process.version}${quick ? ' (quick run)' : ''}`);

// A fresh server (and data directory) per group, so one group's files do not weigh on the next.
async function withServer(name: string, run: (url: string) => Promise<void>): Promise<void> {
  const server = await startBenchServer(join(dir, name), pages);
  try {
    await run(server.url);
  } finally {
    await server.close();
    await rm(join(dir, name), { recursive: true, force: true });
  }
}

// The upload groups' server runs in a process of its own (its CPU and GC apart from Playwright's).
async function withOwnServer(name: string, run: (server: BenchServer) => Promise<void>): Promise<void> {
  const server = await startBenchServerProcess(join(dir, name));
  try {
    await run(server);
  } finally {
    await server.close();
    await rm(join(dir, name), { recursive: true, force: true });
  }
}

try {
  if (wants('size')) await benchBundleSize();
  if (wants('ingest')) await benchIngest(quick ? 100 : 1_000);
  if (wants('ingest-large')) await benchIngestLarge(uploadMib, runsArg || (quick ? 1 : 3), root);
  if (wants('processing')) await benchProcessing(quick);
  if (wants('render')) await withServer('render', (url) => benchRender(browser, url));
  if (wants('add'))
    await withServer('add', (url) => benchAddFiles(url, quick ? [1_000] : [1_000, 10_000, 100_000]));
  if (wants('memory')) await withServer('memory', (url) => benchMemory(browser, url, quick ? 500 : 10_000));
  if (wants('small-uploads'))
    await benchSmallUploads(browser, withOwnServer, {
      count: quick ? 200 : 1_000,
      runs: runsArg || (quick ? 1 : 3),
    });
  if (wants('upload')) {
    const file = await writeLargeFile(dir, uploadMib);
    // `--uploaders=baseline,mediabay`: only those rows (mediabay:form, uppy, filepond)
    const uploaders = process.argv
      .find((arg) => arg.startsWith('--uploaders='))
      ?.slice('--uploaders='.length)
      .split(',');
    await withOwnServer('upload', (server) =>
      benchThroughput(browser, server, file, runsArg || (quick ? 1 : 3), uploaders),
    );
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
