// In-page halves of the render bench (src/render.ts): put N files in the library's cache and time
// the paint and scroll frames; drive 200 panel rows through 10 rounds of progress, one store write per
// round as the client's store writes once per frame.
import type { MediaClient, UploadItem } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import { mirrorUploads } from '@mediabay/core/testing';
import { frame } from './harness.js';

export async function paintLibrary(library: HTMLElement & { client?: MediaClient }, count: number) {
  const client = library.client!;
  const root = library.shadowRoot!;
  const now = new Date().toISOString();
  const items: MediaFile[] = Array.from({ length: count }, (_, i) => ({
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
  await client.ready; // the query cache comes with the client's engine, loaded after creation
  const start = performance.now();
  client.queryClient.setQueryData(['media-files', { sort: 'createdAt', order: 'desc', limit: 200 }], {
    items,
    nextCursor: null,
    total: count,
  });
  while (root.querySelectorAll('[part~="item"]').length === 0) await frame();
  await frame();
  const painted = performance.now() - start;
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!;
  const scrollStart = performance.now();
  for (let i = 0; i < 20; i += 1) {
    listbox.scrollTop += 2000;
    await frame();
  }
  return {
    painted,
    scrollFrame: (performance.now() - scrollStart) / 20,
    nodes: root.querySelectorAll('[part~="item"]').length,
  };
}

/** Undoes the panel's containment (rows and their detail line), for the figures without it. */
const UNCONTAINED = `.row { content-visibility: visible; contain-intrinsic-size: none; }
  .detail { contain: none; height: auto; }`;

let moving: { client: MediaClient; ids: string[]; base: (id: string, i: number) => UploadItem } | null = null;

/** Adds 200 uploading rows (one store write); resolves with ms until painted. */
export async function addPanelRows(client: MediaClient, uncontained = false) {
  const panel = document.querySelector('media-library')!.shadowRoot!.querySelector('upload-panel')!;
  if (uncontained) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UNCONTAINED);
    panel.shadowRoot!.adoptedStyleSheets = [...panel.shadowRoot!.adoptedStyleSheets, sheet];
  }
  const ids = Array.from(
    { length: 200 },
    (_, i) => `media_upload_${Date.now()}_${String(i).padStart(15, '0')}`,
  );
  const base = (id: string, i: number): UploadItem => ({
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
  moving = { client, ids, base };
  const addStart = performance.now();
  mirrorUploads(
    client,
    ids.map((id, i) => base(id, i)),
  );
  await frame();
  return performance.now() - addStart;
}

/** 10 rounds that move all 200 rows; each waits out the panel's pace (250 ms) so that it renders. */
export async function movePanelRows() {
  const { client, ids, base } = moving!;
  const panel = document.querySelector('media-library')!.shadowRoot!.querySelector('upload-panel')!;
  const rounds: number[] = [];
  for (let round = 1; round <= 10; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    // from the write (in the frame's rAF) until the task after that frame's style, layout and paint
    rounds.push(
      await new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          // one write for all 200, as the client's store coalesces progress
          mirrorUploads(
            client,
            ids.map((id, i) => ({ ...base(id, i), progress: round * 10, bytesUploaded: round * 5e6 })),
          );
          setTimeout(() => resolve(performance.now() - start), 0);
        }),
      ),
    );
    if (!panel.shadowRoot!.querySelector(`[aria-valuenow="${round * 10}"]`))
      throw new Error(`round ${round} was not rendered in its frame`);
  }
  return { mean: rounds.reduce((a, b) => a + b, 0) / rounds.length, max: Math.max(...rounds) };
}
