import { expect } from '@open-wc/testing';
import { fingerprintOf, openResumeStore, type ResumeRecord } from './resume-store.js';
import { clearResumeStore, makeFile, sha256, storedContent, tusHead } from '../test-support/browser.js';
import {
  chooseFiles,
  closeTabs,
  diskFile,
  eventually,
  network,
  networkLog,
  openTab,
  type Tab,
} from '../test-support/commands.js';

// Reloads are real: the upload runs in a page of this browser (test-support/tab.html) that a server
// command reloads, so the second page load finds only what IndexedDB and the server kept. Uploads go
// in 1 MiB chunks, each PATCH held back by the server for a moment, so a reload lands mid-upload.
const endpoint = '/api/media';
const chunkSize = 1024 * 1024;
const MiB = 1024 * 1024;
const absolute = new URL(endpoint, location.href).href;

describe('resume store (IndexedDB)', () => {
  beforeEach(() => clearResumeStore(endpoint));

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

describe('resume after a real reload', () => {
  beforeEach(async () => {
    await clearResumeStore(endpoint);
    await network({ patchDelayMs: 60 });
  });
  afterEach(async () => {
    await closeTabs();
    await network();
  });

  async function serverOffset(id: string): Promise<number> {
    const record = await openResumeStore()!.get(id);
    expect(record?.uploadUrl, 'the tus URL is kept').to.be.a('string');
    const head = await tusHead(record!.uploadUrl!);
    expect(head.status).to.equal(200);
    return head.offset;
  }

  /** starts an upload in a new tab, reloads that tab mid-upload and returns the restored item */
  async function reloadMidUpload(tab: Tab, id: string) {
    // past the first chunks: the server has bytes (progress counts what left the browser)
    await eventually(async () => ((await tab.item(id))?.bytesUploaded ?? 0) > 3 * MiB, 10_000, 'progress');
    await tab.reload();
    return eventually(() => tab.item(id), 5000, 'restored item');
  }

  const finished = (tab: Tab, id: string) =>
    eventually(
      async () => {
        const item = await tab.item(id);
        return item?.status === 'ready' || item?.status === 'error' ? item : undefined;
      },
      30_000,
      'finished',
    );

  it('shows an interrupted upload as waiting for its file, and the file chosen again continues from the server offset', async function () {
    this.timeout(60_000);
    const file = await diskFile('lecture.bin', 48 * MiB);
    const tab = await openTab({ chunkSize });
    await chooseFiles(tab, '#file', [file]);
    const [id] = await tab.addPicked();

    const restored = await reloadMidUpload(tab, id!);
    expect(restored.status).to.equal('paused');
    expect(restored.waitingForFile).to.equal(true);
    const offset = await serverOffset(id!);
    expect(offset)
      .to.be.above(0)
      .and.below(48 * MiB);
    // the panel shows at least what the server has, not 0
    await eventually(async () => (await tab.item(id!))!.bytesUploaded >= offset, 5000, 'server offset shown');

    await network({ patchDelayMs: 0 });
    await chooseFiles(tab, '#file', [file]);
    expect(await tab.addPicked()).to.deep.equal([id], 'the same upload, not a new one');
    const done = await finished(tab, id!);
    expect(done.status).to.equal('ready');

    const log = await networkLog();
    expect(log.filter((request) => request.method === 'POST')).to.deep.equal([], 'no new tus upload');
    const patches = log.filter((request) => request.method === 'PATCH');
    expect(patches[0]?.offset).to.equal(offset, 'the first PATCH starts at the server offset');
    expect(patches.every((request) => request.offset! >= offset)).to.equal(true);
    const stored = await storedContent(endpoint, done.fileId!);
    expect(stored.size).to.equal(48 * MiB);
    expect(await sha256(stored)).to.equal(file.sha256);
    expect(await openResumeStore()!.get(id!)).to.equal(undefined, 'a finished upload leaves the store');
  });

  it('after a reload a different file with the same name is a new upload, the identical one resumes', async function () {
    this.timeout(60_000);
    const size = 32 * MiB;
    const tab = await openTab({ chunkSize });
    const [id] = await tab.addMade(size, 'same.bin');
    await reloadMidUpload(tab, id!);

    const [other] = await tab.addMade(size + 1, 'same.bin');
    expect(other).to.not.equal(id);
    await tab.cancel(other!);
    // an identical File (name, size, type, lastModified) is the same file to the fingerprint
    await network({ patchDelayMs: 0 });
    expect(await tab.addMade(size, 'same.bin')).to.deep.equal([id]);
    const done = await finished(tab, id!);
    expect(done.status).to.equal('ready');
    const stored = await storedContent(endpoint, done.fileId!);
    expect(await sha256(stored)).to.equal(await sha256(makeFile(size, 'same.bin')));
  });

  it('the file dropped again as the page reloads, before the engine is there, continues its upload', async function () {
    this.timeout(60_000);
    const size = 32 * MiB;
    const tab = await openTab({ chunkSize });
    const [id] = await tab.addMade(size, 'early.bin');
    await reloadMidUpload(tab, id!);
    const offset = await serverOffset(id!);

    await network({ patchDelayMs: 0 });
    await tab.addMadeAtNextLoad(size, 'early.bin');
    await tab.reload();
    const early = await tab.addedAtLoad();
    expect(early?.beforeEngine).to.equal(true, 'added before the engine loaded');
    const done = await finished(tab, id!);
    expect(done.status).to.equal('ready');
    expect(await tab.ids()).to.deep.equal([id], 'one upload: the one that waited');

    const log = await networkLog();
    expect(log.filter((request) => request.method === 'POST')).to.deep.equal([], 'no new tus upload');
    expect(log.find((request) => request.method === 'PATCH')?.offset).to.equal(offset);
    const stored = await storedContent(endpoint, done.fileId!);
    expect(await sha256(stored)).to.equal(await sha256(makeFile(size, 'early.bin')));
  });

  it('a waiting upload canceled after a reload does not come back on the next', async function () {
    this.timeout(60_000);
    const tab = await openTab({ chunkSize });
    const [id] = await tab.addMade(24 * MiB, 'drop.bin');
    const restored = await reloadMidUpload(tab, id!);
    expect(restored.waitingForFile).to.equal(true);
    await tab.cancel(id!);
    await eventually(async () => (await openResumeStore()!.get(id!)) === undefined, 5000, 'record removed');
    await tab.reload();
    await tab.restored();
    expect(await tab.item(id!)).to.equal(null);
  });

  it('Cancel all over a big drop, then a reload at once: nothing canceled comes back', async function () {
    this.timeout(60_000);
    const tab = await openTab();
    expect(await tab.addMany(2000, `drop${Date.now().toString(36)}`)).to.equal(2000);
    await tab.cancelAll();
    expect((await tab.counts()).canceled).to.be.above(1990);
    // no wait: the page goes while the resume records of the drop are still being written
    await tab.reload();
    await tab.restored();
    const counts = await tab.counts();
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).to.equal(0, JSON.stringify(counts));
    const records = await openResumeStore()!.load(absolute);
    expect(records.length).to.equal(0);
  });
});
