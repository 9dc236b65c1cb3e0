// Mediabay's bench page: one <media-library> (with its dropzone and panel) on the real server kit.
import { createMediaClient, type MediaClient } from '@mediabay/core';
import '@mediabay/elements';
import { makeFiles, measure, pickedFile, prepareBatch, takeBatch, untilPainted } from './harness.js';
import { addPanelRows, movePanelRows, paintLibrary } from './mediabay-render.js';

const library = document.createElement('media-library');
const query = new URLSearchParams(location.search);
// bench variants: the library drives a client made with these options (`?concurrency=N`, `?resume=0`
// without resume records, `?tabs=0` without the tabs' shared queue)
const concurrency = Number(query.get('concurrency'));
const variant = {
  ...(concurrency ? { concurrency } : {}),
  ...(query.get('resume') === '0' ? { resumeAfterReload: false } : {}),
  ...(query.get('tabs') === '0' ? { shareTabs: false } : {}),
};
if (Object.keys(variant).length > 0)
  library.client = createMediaClient({ endpoint: '/api/media', ...variant });
else library.setAttribute('endpoint', '/api/media');
library.style.cssText = 'display:block;height:800px';
// `?core`: no element on the page, uploads go through a client alone (what core costs by itself)
const coreClient = query.has('core') ? createMediaClient({ endpoint: '/api/media' }) : null;
if (!coreClient) document.body.append(library);

const shadowCount = (host: Element | null | undefined, selector: string) =>
  host?.shadowRoot?.querySelectorAll(selector).length ?? 0;

function uploadOf(client: MediaClient, name: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const stop = client.$uploads.subscribe((uploads) => {
      const item = Object.values(uploads).find((u) => u.name === name);
      if (!item) return;
      if (item.status === 'error') reject(new Error(item.error?.message ?? 'upload failed'));
      if (item.status === 'processing' || item.status === 'ready') {
        queueMicrotask(() => stop());
        resolve(performance.now() - start);
      }
    });
  });
}

window.bench = {
  paintLibrary: (count) => paintLibrary(library, count),
  addPanelRows: (uncontained) => addPanelRows(library.client!, uncontained),
  movePanelRows,
  async add(count) {
    const client = library.client!;
    const files = makeFiles(count);
    const panel = library.shadowRoot!.querySelector('upload-panel');
    return measure(async () => {
      client.addFiles(files);
      await untilPainted(
        () =>
          Object.keys(client.$uploads.get()).length === count &&
          shadowCount(panel, '[data-operation-id]') > 0 &&
          shadowCount(library, '[part~="item"]') > 0,
      );
    });
  },
  async uploadMany(count) {
    const client = library.client!;
    const start = performance.now();
    const files = makeFiles(count).map((file, i) => new File([file], `round-${start}-${i}.txt`, file));
    let ready = 0;
    const done = new Promise<void>((resolve, reject) => {
      const off = client.on('upload-status', ({ item }) => {
        if (item.status === 'error') reject(new Error(item.error?.message ?? 'upload failed'));
        if (item.status === 'ready' && ++ready === count) {
          off();
          resolve();
        }
      });
    });
    client.addFiles(files);
    await done;
    await untilPainted(() => Object.keys(client.$uploads.get()).length === 0, 60_000);
    return (performance.now() - start) / 1000;
  },
  prepareBatch,
  async uploadBatch() {
    const client = coreClient ?? library.client!;
    const files = takeBatch();
    const count = files.length;
    const acknowledged = new Set<string>();
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const off = client.on('upload-status', ({ item }) => {
        if (item.status === 'error') reject(new Error(item.error?.message ?? 'upload failed'));
        if (item.status !== 'processing' && item.status !== 'ready') return;
        acknowledged.add(item.operationId);
        if (acknowledged.size === count) {
          off();
          resolve();
        }
      });
      client.addFiles(files);
    });
    return performance.now() - start;
  },
  forgetLibrary() {
    library.client!.queryClient.removeQueries({ queryKey: ['media-files'] });
  },
  async counts() {
    const response = await fetch('/api/media?limit=1');
    const body = (await response.json()) as { total: number };
    return { uploads: Object.keys(library.client!.$uploads.get()).length, files: body.total };
  },
  async upload(variant = 'tus') {
    const file = pickedFile();
    const client =
      variant === 'form'
        ? createMediaClient({ endpoint: '/api/media', transport: 'form' })
        : (coreClient ?? library.client!);
    const done = uploadOf(client, file.name);
    client.addFiles([file]);
    const ms = await done;
    if (client !== library.client) client.destroy();
    return ms;
  },
};
