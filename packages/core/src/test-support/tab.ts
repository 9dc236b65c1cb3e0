// A second browser tab for core's browser tests (opened by the `tab-open` server command): one
// client, as a page using the widget would have, driven through `window.harness` from the test.
import { createMediaClient } from '../client.js';
import type { UploadItem } from '../types.js';
import { whenRestored } from '../testing.js';
import { makeFile } from './browser.js';

// options come in the query string so that they survive a reload
const params = new URLSearchParams(location.search);
const client = createMediaClient({
  endpoint: '/api/media',
  removeCompletedAfter: Infinity,
  chunkSize: Number(params.get('chunkSize')) || undefined,
});
const input = document.querySelector<HTMLInputElement>('#file')!;
const ids = (items: UploadItem[]) => items.map((item) => item.operationId);

// a file dropped as the page loads, before the client's engine has: asked for by the page load before
const EARLY_KEY = 'mediabay-test-add-at-load';
const early = JSON.parse(sessionStorage.getItem(EARLY_KEY) ?? 'null') as {
  size: number;
  name: string;
} | null;
sessionStorage.removeItem(EARLY_KEY);
const engineThere = () => {
  try {
    return Boolean(client.queryClient);
  } catch {
    return false; // no engine yet: the getter says to await client.ready
  }
};
const addedAtLoad = early && {
  ids: ids(client.addFiles([makeFile(early.size, early.name)]).accepted),
  beforeEngine: !engineThere(),
};

const harness = {
  ready: true,
  /** adds an in-memory file (the same bytes for the same size, see makeFile) */
  addMade: (size: number, name: string) => ids(client.addFiles([makeFile(size, name)]).accepted),
  /** adds the files chosen in the page's <input type=file> (the `choose-files` command) */
  addPicked: () => ids(client.addFiles([...(input.files ?? [])]).accepted),
  /** the next page load adds this made file as soon as its client is made (see addedAtLoad) */
  addMadeAtNextLoad: (size: number, name: string) =>
    sessionStorage.setItem(EARLY_KEY, JSON.stringify({ size, name })),
  /** what this page load added as it loaded, and whether the engine was there yet */
  addedAtLoad: () => addedAtLoad,
  /** every upload in $uploads */
  ids: () => Object.keys(client.$uploads.get()),
  item: (id: string): UploadItem | null => client.$uploads.get()[id] ?? null,
  pause: (id: string) => client.pause(id),
  resume: (id: string) => client.resume(id),
  cancel: (id: string) => client.cancel(id),
  /** adds `count` small text files at once (a big drop) */
  addMany: (count: number, prefix: string) =>
    client.addFiles(
      Array.from(
        { length: count },
        (_, i) => new File([`${prefix} ${i}`], `${prefix}-${i}.txt`, { type: 'text/plain' }),
      ),
    ).accepted.length,
  cancelAll: () => client.cancelAll(),
  /** resolves when the uploads of the page load before are restored (see whenRestored) */
  restored: () => whenRestored(client),
  /** uploads in $uploads by status */
  counts: () => client.$batch.get().counts,
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
