import { expect } from '@open-wc/testing';
import { createResumeTracker, type ResumeTracker } from './resume.js';
import { openResumeStore, type ResumeStore } from './resume-store.js';
import { createSliceQueue, type SliceQueue } from './slices.js';
import { waitFor } from '../test-support/browser.js';
import type { UploadItem, UploadStatus } from '../types.js';

// The resume records' writes in real Chromium IndexedDB: changes close in time are one transaction, a
// delete after a put of the same record wins, records follow the work queued before them, and a
// closing page writes what is still queued at once. Each test has a database of its own.
const endpoint = 'http://127.0.0.1/api/media';

function item(id: string, status: UploadStatus = 'queued', bytesUploaded = 0): UploadItem {
  return {
    operationId: id,
    name: `${id}.bin`,
    size: 1000,
    mimeType: 'application/octet-stream',
    type: 'other',
    status,
    progress: bytesUploaded / 10,
    bytesUploaded,
    timeRemaining: null,
    speed: 0,
    addedAt: 0,
  };
}

const file = (id: string) => new File(['x'], `${id}.bin`, { type: 'application/octet-stream' });

describe('resume record writes', () => {
  let store: ResumeStore;
  let queue: SliceQueue;
  let tracker: ResumeTracker;
  /** every readwrite transaction opened on any IndexedDB database of this page, in order */
  let transactions: string[];
  let name: string;
  const original = IDBDatabase.prototype.transaction;

  beforeEach(async () => {
    transactions = [];
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: unknown[]) {
      if (args[1] === 'readwrite') transactions.push('tx');
      return (original as (...a: unknown[]) => IDBTransaction).apply(this, args);
    } as typeof original;
    name = `mediabay-writes-${Math.random().toString(36).slice(2)}`;
    store = openResumeStore(name)!;
    await store.get('none'); // opened: writes are made in the caller's task from here on
    queue = createSliceQueue();
    tracker = createResumeTracker(store, endpoint, queue);
  });
  afterEach(() => {
    IDBDatabase.prototype.transaction = original;
    tracker.close();
    indexedDB.deleteDatabase(name); // goes ahead once the store has closed
  });

  const stored = async (id: string) => (await store.get(id))?.item;
  /** a few tasks after the last write: time for a stray later transaction to show */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('writes 40 status changes of 20 uploads in one transaction', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `media_upload_1_w${String(i).padStart(13, '0')}`);
    tracker.added(ids.map((id) => ({ item: item(id), file: file(id) })));
    await waitFor(() => stored(ids[19]!), 5000, 'the records');
    await settle();
    transactions = [];

    for (const id of ids) {
      tracker.changed(item(id, 'uploading', 10));
      tracker.changed(item(id, 'paused', 20));
    }
    await waitFor(async () => (await stored(ids[19]!))?.status === 'paused' || undefined, 5000, 'paused');
    await settle();
    expect(transactions.length).to.equal(1);
    for (const id of ids) expect(await stored(id)).to.include({ status: 'paused', bytesUploaded: 20 });
  });

  it('writes changes made one task apart (small uploads finishing one by one) together', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `media_upload_1_t${String(i).padStart(13, '0')}`);
    tracker.added(ids.map((id) => ({ item: item(id), file: file(id) })));
    await waitFor(() => stored(ids[5]!), 5000, 'the records');
    await settle();
    transactions = [];
    const nextTask = () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    for (const id of ids.slice(0, 3)) {
      tracker.changed(item(id, 'processing', 1000));
      await nextTask();
    }
    tracker.forget(ids.slice(3));
    await nextTask();
    tracker.changed(item(ids[0]!, 'ready', 1000));
    await waitFor(async () => (await store.get(ids[0]!)) === undefined || undefined, 5000, 'gone');
    await settle();
    // one transaction for all (two should the page stall past the window between two of them)
    expect(transactions.length).to.be.at.most(2);
    expect(await stored(ids[1]!)).to.include({ status: 'processing' });
    expect((await store.load(endpoint)).map((record) => record.operationId).sort()).to.deep.equal(
      ids.slice(1, 3),
    );
  });

  it('writes nothing when an upload starts (it reloads as it was), and its URL when it comes', async () => {
    const id = 'media_upload_1_start00000000';
    tracker.added([{ item: item(id), file: file(id) }]);
    await waitFor(() => stored(id), 5000, 'the record');
    await settle();
    transactions = [];

    tracker.changed(item(id, 'uploading'));
    await settle();
    expect(transactions.length).to.equal(0);
    expect(await stored(id)).to.include({ status: 'queued' });

    tracker.url(item(id, 'uploading'), 'http://127.0.0.1/api/media/uploads/abc');
    await waitFor(async () => (await store.get(id))?.uploadUrl ?? undefined, 5000, 'the URL');
    expect(transactions.length).to.equal(1);
    tracker.changed(item(id, 'paused', 30));
    await waitFor(async () => (await stored(id))?.status === 'paused' || undefined, 5000, 'paused');
    tracker.changed(item(id, 'uploading', 30));
    await settle();
    expect(transactions.length).to.equal(2, 'resuming a paused upload writes nothing either');
  });

  it('ends deleted when a record is put and then deleted in the same slice', async () => {
    const id = 'media_upload_1_wdeleted0000000';
    tracker.added([{ item: item(id), file: file(id) }]);
    await waitFor(() => stored(id), 5000, 'the record');
    tracker.changed(item(id, 'paused', 20));
    tracker.changed(item(id, 'canceled', 20));
    await waitFor(() => transactions.length >= 2 || undefined, 5000, 'the second write');
    await settle();
    expect(await store.get(id)).to.equal(undefined);
    expect(transactions.length).to.equal(2, 'the add, then the put and the delete together');
  });

  it('ends deleted when a delete follows puts that fill more than one transaction', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `media_upload_1_w${String(i).padStart(13, '0')}`);
    tracker.added(ids.map((id) => ({ item: item(id), file: file(id) })));
    await waitFor(() => transactions.length >= 2 || undefined, 5000, 'the puts');
    tracker.forget(ids);
    await waitFor(() => transactions.length >= 3 || undefined, 5000, 'the deletes');
    await settle();
    expect(transactions.length).to.equal(3, '100 puts, 50 puts, then the deletes');
    expect(await store.load(endpoint)).to.deep.equal([]);
  });

  it('does not write the puts a delete queued behind them cancels (Cancel all right after a drop)', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `media_upload_1_c${String(i).padStart(13, '0')}`);
    tracker.added(ids.map((id) => ({ item: item(id), file: file(id) })));
    tracker.forget(ids);
    await waitFor(() => transactions.length >= 1 || undefined, 5000, 'the deletes');
    await settle();
    expect(transactions.length).to.equal(1, 'only the deletes');
    expect(await store.load(endpoint)).to.deep.equal([]);
  });

  it('writes a record only after the work queued before it (a lock request)', async () => {
    const order: string[] = [];
    const id = 'media_upload_1_wordered000000';
    queue.push(() => order.push(`lock (${transactions.length} writes before)`));
    tracker.added([{ item: item(id), file: file(id) }]);
    expect(transactions).to.deep.equal([], 'nothing written in the adding task');
    await waitFor(() => stored(id), 5000, 'the record');
    expect(order).to.deep.equal(['lock (0 writes before)']);
    expect(transactions.length).to.equal(1);
  });

  it('writes what is still queued at once when the page is hidden', async () => {
    const id = 'media_upload_1_wpagehide00000';
    tracker.added([{ item: item(id, 'uploading', 30), file: file(id) }]);
    expect(queue.size).to.equal(1, 'queued for a later slice');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(queue.size).to.equal(0);
    expect(transactions.length).to.equal(1, 'the transaction is made inside the pagehide task');
    expect(await stored(id)).to.include({ status: 'uploading', bytesUploaded: 30 });
  });
});
