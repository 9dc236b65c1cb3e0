import { expect } from '@open-wc/testing';
import { createMediaClient } from './client.js';
import { makeFile, sha256, waitFor } from './test-support/browser.js';
import type { MediaClient } from './types.js';

// Two clients in one page stand for two tabs: BroadcastChannel delivers between channel objects of
// one page as between tabs, and Web Locks contend the same way. "Closing a tab" is destroy(), which
// releases its locks exactly as a closing page does.
const endpoint = '/api/media';

describe('one upload queue for all tabs', () => {
  let clients: MediaClient[] = [];
  const tab = () => {
    const client = createMediaClient({ endpoint, removeCompletedAfter: Infinity, resumeAfterReload: false });
    clients.push(client);
    return client;
  };
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });

  it('mirrors another tab’s uploads and forwards pause and resume to the tab that drives them', async () => {
    const a = tab();
    const b = tab();
    const [item] = a.addFiles([makeFile(240 * 1024 * 1024, 'shared.bin')]).accepted;
    const id = item!.operationId;
    const mirrored = await waitFor(() => b.$uploads.get()[id], 5000, 'mirror in tab b');
    expect(mirrored.name).to.equal('shared.bin');

    b.pause(id);
    await waitFor(
      () => a.$uploads.get()[id]?.status === 'paused' || a.$uploads.get()[id]?.status === 'processing',
      5000,
      'a paused',
    );
    if (a.$uploads.get()[id]?.status === 'processing') return; // finished before the command arrived
    await waitFor(() => b.$uploads.get()[id]?.status === 'paused', 5000, 'b sees paused');

    b.resume(id);
    await waitFor(() => a.$uploads.get()[id]?.status !== 'paused', 5000, 'a resumed');
    await waitFor(() => b.$uploads.get()[id]?.status === 'ready', 60_000, 'b sees ready');
    expect(a.$uploads.get()[id]?.status).to.equal('ready');
  });

  it('a new tab sees what the others are doing', async () => {
    const a = tab();
    const [item] = a.addFiles([makeFile(64 * 1024 * 1024, 'early.bin')]).accepted;
    const c = tab();
    await waitFor(() => c.$uploads.get()[item!.operationId], 5000, 'hello answered');
  });

  it('when the driving tab closes, exactly one other tab takes the upload over and finishes it', async () => {
    const a = tab();
    const b = tab();
    const c = tab();
    const file = makeFile(240 * 1024 * 1024, 'handover.bin');
    const [item] = a.addFiles([file]).accepted;
    const id = item!.operationId;
    await waitFor(() => (b.$uploads.get()[id]?.bytesUploaded ?? 0) > 0, 10_000, 'mirror progress');
    a.destroy();
    await waitFor(
      () => b.$uploads.get()[id]?.status === 'ready' && c.$uploads.get()[id]?.status === 'ready',
      60_000,
      'ready in both remaining tabs',
    );
    const drivers = [b, c].filter((client) => client.$uploads.get()[id]?.fileId);
    expect(drivers.length).to.equal(2, 'both show the result');
    const fileId = b.$uploads.get()[id]!.fileId!;
    const stored = await (await fetch(`${endpoint}/${fileId}/content`)).blob();
    expect(stored.size).to.equal(file.size);
    expect(await sha256(stored)).to.equal(await sha256(file));
    const list = (await (await fetch(`${endpoint}?limit=100`)).json()) as {
      items: { operationId: string }[];
    };
    expect(list.items.filter((entry) => entry.operationId === id).length).to.equal(
      1,
      'one file, not one per tab',
    );
  });
});
