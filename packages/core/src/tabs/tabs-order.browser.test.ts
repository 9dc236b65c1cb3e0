import { expect } from '@open-wc/testing';
import { createTabSync, type TabSync } from './tabs.js';
import { uploadItem } from '../test-support/upload-item.js';
import { waitFor } from '../test-support/wait.js';
import { FINAL_STATES } from '../uploads/upload-machine.js';
import type { UploadItem } from '../types.js';

// Two tab syncs of one page on a real BroadcastChannel and the real Web Locks: the channel reaches
// the other instance as it would another tab. A lock request and a message are not ordered between
// processes: a page's first lock request has reached Chromium's lock manager after the lock request
// of a tab that heard its later message (CI: two tabs uploaded one file from byte 0). `slowLocks`
// makes that order certain: the driving tab's requests reach the real lock manager late.
const slowLocks = (delayMs: number): LockManager =>
  ({
    request: (name: string, ...rest: unknown[]) =>
      new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
        (navigator.locks.request as (...args: unknown[]) => Promise<unknown>)(name, ...rest),
      ),
    query: () => navigator.locks.query(),
  }) as LockManager;

interface Follower {
  tabs: TabSync;
  takeovers: { id: string; url: string | undefined }[];
}

/** a tab that mirrors the others' uploads into its own store and records what it takes over */
function follower(endpoint: string): Follower {
  const store = new Map<string, UploadItem>();
  const takeovers: Follower['takeovers'] = [];
  const tabs = createTabSync({
    endpoint,
    onMirror: (items) => items.forEach((item) => store.set(item.operationId, item)),
    onRemoved: () => {},
    onCommand: () => {},
    onTakeover: (id, _file, url) => takeovers.push({ id, url }),
    owned: () => [],
    isFinished: (id) => !store.has(id) || FINAL_STATES.has(store.get(id)!.status),
  })!;
  return { tabs, takeovers };
}

function driver(endpoint: string, item: UploadItem, locks?: LockManager): TabSync {
  return createTabSync({
    endpoint,
    locks,
    onMirror: () => {},
    onRemoved: () => {},
    onCommand: () => {},
    onTakeover: () => {},
    owned: () => [item],
    isFinished: () => false,
  })!;
}

/** both tabs said hello and heard the other's (so that no answer to a hello brings a second message) */
async function greeted(endpoint: string, make: () => void): Promise<void> {
  const spy = new BroadcastChannel(`mediabay:${endpoint}`);
  let hellos = 0;
  spy.onmessage = (event: MessageEvent<{ type: string }>) =>
    void (hellos += Number(event.data.type === 'hello'));
  try {
    make();
    await waitFor(() => hellos === 2, 10_000, 'hellos');
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    spy.close();
  }
}

const pendingFor = async (name: string) =>
  ((await navigator.locks.query()).pending ?? []).some((lock) => lock.name === name);

describe('tabs: who drives an upload', () => {
  const opened: TabSync[] = [];
  afterEach(() => opened.splice(0).forEach((tabs) => tabs.close()));

  /** a tab following the others and a tab driving `item`, on an endpoint of their own, greeted */
  async function tabsOf(item: UploadItem, locks?: LockManager) {
    const endpoint = `https://tabs-order.test/${Math.random()}`;
    let other!: Follower;
    let driving!: TabSync;
    await greeted(endpoint, () => {
      other = follower(endpoint);
      driving = driver(endpoint, item, locks);
    });
    opened.push(other.tabs, driving);
    return { endpoint, other, driving };
  }

  it('tells the other tabs of an upload only once it holds its lock: a tab that heard of it never takes over a live upload', async function () {
    this.timeout(20_000);
    const id = 'upload-1';
    const url = 'https://tabs-order.test/uploads/1';
    const item = uploadItem(id, { status: 'uploading' });
    const { endpoint, other, driving } = await tabsOf(item, slowLocks(1500));

    driving.own([{ item }]);
    driving.url(id, url);
    await waitFor(
      () => other.tabs.isMirror(id) || other.takeovers.length > 0,
      10_000,
      'the other tab hears of the upload',
    );
    driving.changed({ ...item, bytesUploaded: 100 });
    // the other tab waits for the lock behind the driving tab...
    await waitFor(() => pendingFor(`mediabay:${endpoint}:${id}`), 10_000, 'a tab waiting on the lock');
    // ...instead of having been granted it first, taking over an upload still being sent
    expect(other.takeovers).to.deep.equal([]);

    driving.close();
    await waitFor(() => other.takeovers.length > 0, 10_000, 'takeover');
    expect(other.takeovers).to.deep.equal([{ id, url }]);
  });

  it('takes over an upload it heard of once (queued, never changed) when the driving tab closes', async function () {
    this.timeout(20_000);
    const id = 'upload-2';
    const item = uploadItem(id, { status: 'queued' });
    const { other, driving } = await tabsOf(item);

    driving.own([{ item }]);
    await waitFor(() => other.tabs.isMirror(id), 10_000, 'the other tab hears of the upload');
    driving.close();
    await waitFor(() => other.takeovers.length > 0, 10_000, 'takeover');
    expect(other.takeovers).to.deep.equal([{ id, url: undefined }]);
  });
});
