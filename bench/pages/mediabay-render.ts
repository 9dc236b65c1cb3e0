// In-page halves of the render bench (src/render.ts): put N files in the library's cache and time
// the paint and scroll frames; drive 200 panel rows through 10 rounds of progress, one store write per
// round as the client's store writes once per frame.
import type { MediaClient, UploadItem } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
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

export async function updatePanel(client: MediaClient) {
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
  const addStart = performance.now();
  client.$uploads.set({
    ...client.$uploads.get(),
    ...Object.fromEntries(ids.map((id, i) => [id, base(id, i)])),
  });
  await frame();
  const added = performance.now() - addStart;
  const rounds: number[] = [];
  for (let round = 1; round <= 10; round += 1) {
    const start = performance.now();
    // one write per frame for all 200, as the client's store coalesces progress
    const next = { ...client.$uploads.get() };
    ids.forEach((id, i) => (next[id] = { ...base(id, i), progress: round * 10, bytesUploaded: round * 5e6 }));
    client.$uploads.set(next);
    await frame();
    rounds.push(performance.now() - start);
  }
  return { added, mean: rounds.reduce((a, b) => a + b, 0) / rounds.length, max: Math.max(...rounds) };
}
