import { expect } from '@open-wc/testing';
import { createMediaClient } from '../client.js';
import { openResumeStore } from '../uploads/resume-store.js';
import {
  chooseFiles,
  closeTabs,
  diskFile,
  eventually,
  network,
  networkLog,
  openTab,
  removeDiskFile,
  restoreDiskFile,
  type TusRequest,
} from '../test-support/commands.js';
import {
  clearResumeStore,
  makeFile,
  sha256,
  storedContent,
  tusHead,
  waitFor,
} from '../test-support/browser.js';
import type { MediaClient } from '../types.js';

// Real tabs: the other tabs are pages of this browser profile opened by a server command
// (test-support/tab.html), so IndexedDB, BroadcastChannel and Web Locks are shared as between a
// user's tabs, and closing one is a real page close. Uploads go in 1 MiB chunks, each PATCH held
// back by the server for a moment, so that "mid-upload" lasts long enough to act in.
const endpoint = '/api/media';
const chunkSize = 1024 * 1024;
const MiB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const patches = (log: TusRequest[]) => log.filter((request) => request.method === 'PATCH');

describe('one upload queue for all tabs (real tabs)', () => {
  let clients: MediaClient[] = [];
  const thisTab = () => {
    const client = createMediaClient({ endpoint, chunkSize, removeCompletedAfter: Infinity });
    clients.push(client);
    return client;
  };
  beforeEach(async () => {
    await clearResumeStore(endpoint);
    await network({ patchDelayMs: 60 });
  });
  afterEach(async () => {
    await closeTabs();
    for (const client of clients) client.destroy();
    clients = [];
    await network();
  });

  it('mirrors the upload another tab drives, sends it pause and resume, and exactly one tab finishes it when the driving tab closes', async function () {
    this.timeout(90_000);
    const driver = await openTab({ chunkSize });
    const other = await openTab({ chunkSize });
    const size = 64 * MiB;
    const [id] = await driver.addMade(size, 'shared.bin');
    // this tab opens after the upload started: the driving tab answers its hello
    const here = thisTab();
    const mirrored = await waitFor(
      () => ((here.$uploads.get()[id!]?.bytesUploaded ?? 0) > 0 ? here.$uploads.get()[id!] : undefined),
      10_000,
      'mirrored progress',
    );
    expect(mirrored.name).to.equal('shared.bin');
    expect(mirrored.size).to.equal(size);

    here.pause(id!);
    await eventually(async () => (await driver.item(id!))?.status === 'paused', 5000, 'driver paused');
    await waitFor(() => here.$uploads.get()[id!]?.status === 'paused', 5000, 'this tab sees paused');
    await eventually(async () => (await other.item(id!))?.status === 'paused', 5000, 'other tab sees paused');
    const pausedAt = (await driver.item(id!))!.bytesUploaded;
    await sleep(300);
    const sentBefore = patches(await networkLog()).length;
    await sleep(600);
    expect(patches(await networkLog()).length).to.equal(sentBefore, 'nothing is sent while paused');

    here.resume(id!);
    await eventually(
      async () => ((await driver.item(id!))?.bytesUploaded ?? 0) > pausedAt,
      5000,
      'driver uploads again',
    );
    await driver.close();

    const done = await waitFor(
      () => (here.$uploads.get()[id!]?.status === 'ready' ? here.$uploads.get()[id!] : undefined),
      30_000,
      'ready here',
    );
    await eventually(
      async () => (await other.item(id!))?.status === 'ready',
      10_000,
      'ready in the other tab',
    );
    expect(await sha256(await storedContent(endpoint, done.fileId!))).to.equal(
      await sha256(makeFile(size, 'shared.bin')),
    );
    const list = (await (await fetch(`${endpoint}?limit=100`)).json()) as {
      items: { operationId: string }[];
    };
    expect(list.items.filter((file) => file.operationId === id).length).to.equal(
      1,
      'one file, not one per tab',
    );

    // one driver at a time: two tabs sending at once would meet a 409 on a wrong Upload-Offset
    const sent = patches(await networkLog());
    expect(sent.filter((request) => request.status === 409)).to.deep.equal([]);
    expect(sent.filter((request) => request.offset === 0).length).to.equal(1, 'never again from byte 0');
  });

  it('a tab that takes over an upload whose file it cannot read waits for the file, then continues from the server offset', async function () {
    this.timeout(60_000);
    const file = await diskFile('taken-over.bin', 40 * MiB);
    const driver = await openTab({ chunkSize });
    await chooseFiles(driver, '#file', [file]);
    const [id] = await driver.addPicked();
    const here = thisTab();
    // past the first chunk: the server has bytes (progress counts what left the browser)
    await waitFor(
      () => (here.$uploads.get()[id!]?.bytesUploaded ?? 0) > 2 * MiB,
      10_000,
      'mirrored progress',
    );
    await driver.pause(id!);
    await waitFor(() => here.$uploads.get()[id!]?.status === 'paused', 5000, 'paused');
    // the file is gone from the disk (moved, deleted) and the tab that picked it closes
    await removeDiskFile(file);
    await driver.close();

    const waiting = await waitFor(
      () => (here.$uploads.get()[id!]?.waitingForFile ? here.$uploads.get()[id!] : undefined),
      10_000,
      'waiting for file',
    );
    expect(waiting.status).to.equal('paused');
    const record = await openResumeStore()!.get(id!);
    const { offset } = await tusHead(record!.uploadUrl!);
    expect(offset)
      .to.be.above(0)
      .and.below(40 * MiB);

    // the user puts the file back and chooses it again in this tab
    await restoreDiskFile(file);
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'pick' });
    document.body.append(input);
    try {
      await chooseFiles(null, '#pick', [file]);
      await network({ patchDelayMs: 0 });
      const again = here.addFiles([...input.files!]);
      expect(again.accepted.map((item) => item.operationId)).to.deep.equal([id]);
    } finally {
      input.remove();
    }
    const done = await waitFor(
      () => (here.$uploads.get()[id!]?.status === 'ready' ? here.$uploads.get()[id!] : undefined),
      30_000,
      'ready',
    );
    const sent = patches(await networkLog());
    expect(sent[0]?.offset).to.equal(offset, 'the first PATCH starts at the server offset');
    expect(sent.every((request) => request.offset! >= offset)).to.equal(true);
    expect(await sha256(await storedContent(endpoint, done.fileId!))).to.equal(file.sha256);
  });
});
