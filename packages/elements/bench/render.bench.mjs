// Rendering budgets of the elements in headless Chromium, printed as tables (not asserted):
// time for <media-library> to paint N files, and for the panel to paint 10 rounds of progress
// on 200 uploads. Needs a built bundle: `pnpm run build` at the root first.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const bundle = fileURLToPath(new URL('../dist/mediabay-elements.bundle.js', import.meta.url));
const page = `<!doctype html><html lang="en"><body style="margin:0">
<media-library endpoint="/api/media" style="height:800px"></media-library>
<script type="module" src="/bundle.js"></script></body></html>`;

// No API behind /api: the library's first fetch fails and the cache keeps the data we put in.
const server = createServer(async (req, res) => {
  if (req.url === '/') return res.setHeader('content-type', 'text/html').end(page);
  if (req.url === '/bundle.js')
    return res.setHeader('content-type', 'text/javascript').end(await readFile(bundle));
  res.statusCode = 404;
  res.end();
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function fresh() {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => document.querySelector('media-library')?.client);
  return tab;
}

const libraryRows = [];
for (const count of [1_000, 10_000, 100_000]) {
  const tab = await fresh();
  const result = await tab.evaluate(async (count) => {
    const el = document.querySelector('media-library');
    const client = el.client;
    const now = new Date().toISOString();
    const items = Array.from({ length: count }, (_, i) => ({
      id: `f${i}`,
      name: `clip-${i}.mp4`,
      type: 'video',
      mimeType: 'video/mp4',
      size: 1e6 + i,
      status: 'ready',
      createdAt: now,
      updatedAt: now,
      ownerId: 'bench',
      tags: [],
      contentUrl: '',
      usages: [],
      operationId: `media_upload_${Date.now()}_${String(i).padStart(15, '0')}`,
      durationMs: 60_000,
    }));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const start = performance.now();
    client.queryClient.setQueryData(['media-files', { sort: 'createdAt', order: 'desc', limit: 200 }], {
      items,
      nextCursor: null,
      total: count,
    });
    while (el.shadowRoot.querySelectorAll('[part~="item"]').length === 0) await frame();
    await frame();
    const painted = performance.now() - start;
    const listbox = el.shadowRoot.querySelector('[role="listbox"]');
    const scrollStart = performance.now();
    for (let i = 0; i < 20; i += 1) {
      listbox.scrollTop += 2000;
      await frame();
    }
    return {
      painted,
      scrollFrame: (performance.now() - scrollStart) / 20,
      nodes: el.shadowRoot.querySelectorAll('[part~="item"]').length,
    };
  }, count);
  libraryRows.push({
    files: count.toLocaleString('en'),
    'painted (ms)': result.painted.toFixed(0),
    'scroll frame (ms)': result.scrollFrame.toFixed(1),
    'item nodes': result.nodes,
  });
  await tab.close();
}

const tab = await fresh();
const panel = await tab.evaluate(async () => {
  const client = document.querySelector('media-library').client;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ids = Array.from(
    { length: 200 },
    (_, i) => `media_upload_${Date.now()}_${String(i).padStart(15, '0')}`,
  );
  const base = (id, i) => ({
    operationId: id,
    name: `upload-${i}.mp4`,
    size: 50e6,
    mimeType: 'video/mp4',
    type: 'video',
    status: 'uploading',
    progress: 0,
    bytesUploaded: 0,
    timeRemaining: 60,
    speed: 1e6,
    addedAt: Date.now() + i,
  });
  const addStart = performance.now();
  ids.forEach((id, i) => client.$uploads.setKey(id, base(id, i)));
  await frame();
  const added = performance.now() - addStart;
  const rounds = [];
  for (let round = 1; round <= 10; round += 1) {
    const start = performance.now();
    ids.forEach((id, i) =>
      client.$uploads.setKey(id, { ...base(id, i), progress: round * 10, bytesUploaded: round * 5e6 }),
    );
    await frame();
    rounds.push(performance.now() - start);
  }
  return { added, mean: rounds.reduce((a, b) => a + b, 0) / rounds.length, max: Math.max(...rounds) };
});
await tab.close();
await browser.close();
server.close();

console.log('\n<media-library>: files until painted, then 20 scroll jumps of 2000 px');
console.table(libraryRows);
console.log(
  '\n<upload-panel> inside <media-library>: 200 uploads x 10 progress updates (each update to all 200)',
);
console.table([
  {
    'add 200 (ms)': panel.added.toFixed(0),
    'update round mean (ms)': panel.mean.toFixed(1),
    'update round max (ms)': panel.max.toFixed(1),
  },
]);
