import { expect } from '@open-wc/testing';
import { createMediaClient } from './client.js';
import { fingerprintOf, openResumeStore, type ResumeRecord } from './resume-store.js';
import { makeFile, sha256, spyOnXhr, waitFor } from './test-support/browser.js';
import type { MediaClient } from './types.js';

const endpoint = '/api/media';
const absolute = new URL(endpoint, location.href).href;

async function clearStore(): Promise<void> {
  const store = openResumeStore()!;
  const records = await store.load(absolute);
  await store.remove(records.map((record) => record.operationId));
  store.close();
}

describe('resume store (IndexedDB)', () => {
  beforeEach(clearStore);

  it('keeps records per endpoint and drops expired ones', async () => {
    const store = openResumeStore()!;
    const item = {
      operationId: 'media_upload_1_aaaaaaaaaaaaaaa',
      name: 'a',
      size: 1,
      mimeType: 'x/y',
      type: 'other' as const,
      status: 'paused' as const,
      progress: 0,
      bytesUploaded: 0,
      timeRemaining: null,
      speed: 0,
      addedAt: 0,
    };
    const record = (id: string, expiresAt: number, at = absolute): ResumeRecord => ({
      operationId: id,
      endpoint: at,
      fingerprint: fingerprintOf({ name: 'a', size: 1, type: 'x/y', lastModified: 1 }, at),
      uploadUrl: null,
      item: { ...item, operationId: id },
      expiresAt,
    });
    await store.save([
      record('live', Date.now() + 60_000),
      record('old', Date.now() - 1),
      record('other', Date.now() + 60_000, 'http://elsewhere/api'),
    ]);
    expect((await store.load(absolute)).map((r) => r.operationId)).to.deep.equal(['live']);
    expect((await store.load(absolute, Date.now() + 120_000)).length).to.equal(0, 'expired later, deleted');
    await store.remove(['other']);
    store.close();
  });
});

describe('resume after reload', () => {
  let clients: MediaClient[] = [];
  beforeEach(clearStore);
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  const client = () => {
    // tabs are off here: this is about what IndexedDB keeps, not what other open tabs show
    const created = createMediaClient({ endpoint, removeCompletedAfter: Infinity, shareTabs: false });
    clients.push(created);
    return created;
  };

  it('shows interrupted uploads as waiting for file and continues from the server offset', async () => {
    const file = makeFile(160 * 1024 * 1024, 'lecture.mp4.bin');
    // page load 1: start, get part of the way, then the page goes away
    const first = client();
    const [item] = first.addFiles([file]).accepted;
    const id = item!.operationId;
    await waitFor(() => (first.$uploads.get()[id]?.bytesUploaded ?? 0) > 8 * 1024 * 1024, 20_000, 'progress');
    first.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));

    // page load 2: a new client over the same IndexedDB
    const second = client();
    const restored = await waitFor(() => second.$uploads.get()[id], 5000, 'restored item');
    expect(restored.status).to.equal('paused');
    expect(restored.waitingForFile).to.equal(true);
    const offset = await waitFor(
      () => second.$uploads.get()[id]!.bytesUploaded || undefined,
      5000,
      'server offset',
    );
    expect(offset).to.be.above(0).and.below(file.size);

    const spy = spyOnXhr();
    try {
      const again = second.addFiles([file]);
      expect(again.rejected).to.deep.equal([]);
      expect(again.accepted.map((accepted) => accepted.operationId)).to.deep.equal([id]);
      await waitFor(
        () =>
          second.$uploads.get()[id]?.status === 'processing' || second.$uploads.get()[id]?.status === 'ready',
        60_000,
        'uploaded',
      );
      const patches = spy.sent.filter((request) => request.method === 'PATCH');
      expect(patches.length).to.equal(1);
      expect((patches[0]!.body as Blob).size).to.be.at.most(file.size - offset, 'only the rest was sent');
    } finally {
      spy.restore();
    }
    await waitFor(() => second.$uploads.get()[id]?.status === 'ready', 60_000, 'ready');
    const fileId = second.$uploads.get()[id]!.fileId!;
    const stored = await (await fetch(`${endpoint}/${fileId}/content`)).blob();
    expect(stored.size).to.equal(file.size);
    expect(await sha256(stored)).to.equal(await sha256(file));
    const left = await openResumeStore()!.load(absolute);
    expect(left.map((record) => record.operationId)).to.not.include(id, 'finished uploads leave the store');
  });

  it('a different file with the same name is a new upload, not a resume', async () => {
    const first = client();
    const [item] = first.addFiles([makeFile(64 * 1024 * 1024, 'same.bin')]).accepted;
    await waitFor(() => (first.$uploads.get()[item!.operationId]?.bytesUploaded ?? 0) > 0, 20_000);
    first.destroy();
    const second = client();
    await waitFor(() => second.$uploads.get()[item!.operationId], 5000);
    const { accepted } = second.addFiles([makeFile(64 * 1024 * 1024 + 1, 'same.bin')]);
    expect(accepted[0]!.operationId).to.not.equal(item!.operationId);
    second.cancelAll();
  });

  it('canceling a waiting item removes it for good', async () => {
    const first = client();
    const [item] = first.addFiles([makeFile(64 * 1024 * 1024, 'drop.bin')]).accepted;
    await waitFor(() => (first.$uploads.get()[item!.operationId]?.bytesUploaded ?? 0) > 0, 20_000);
    first.destroy();
    const second = client();
    await waitFor(() => second.$uploads.get()[item!.operationId], 5000);
    second.cancel(item!.operationId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const third = client();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(third.$uploads.get()[item!.operationId]).to.equal(undefined);
  });
});
