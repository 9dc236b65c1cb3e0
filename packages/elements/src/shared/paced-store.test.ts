import { expect } from '@open-wc/testing';
import type { BatchState, UploadItem } from '@mediabay/core';
import { uploadItem } from '../test-support/fixtures.js';
import { batchUrgent, pacedStore, uploadsUrgent } from './paced-store.js';
import type { Subscribable } from './store-controller.js';

/** The smallest store: a value and its listeners, told at once on every set. */
function atom<T>(value: T): Subscribable<T> & { set(next: T): void } {
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('paced store', () => {
  it('tells a burst of changes twice: the first at once, the last after the spell', async () => {
    let clock = 1000;
    const source = atom(0);
    const view = pacedStore(source, { intervalMs: 40, now: () => clock });
    const heard: number[] = [];
    const off = view.listen((value) => heard.push(value));
    for (let i = 1; i <= 20; i += 1) source.set(i);
    expect(heard).to.deep.equal([1]);
    expect(view.get()).to.equal(1);
    clock += 40;
    await sleep(80);
    expect(heard).to.deep.equal([1, 20]);
    expect(view.get()).to.equal(20);
    off();
    // without listeners it reads the store itself
    source.set(21);
    expect(view.get()).to.equal(21);
  });

  it('tells an urgent change at once, with the spell still running', () => {
    const clock = 0;
    const source = atom({ n: 0, status: 'a' });
    const view = pacedStore(source, {
      intervalMs: 1000,
      now: () => clock,
      urgent: (shown, next) => shown.status !== next.status,
    });
    const heard: string[] = [];
    const off = view.listen((value) => heard.push(`${value.n}${value.status}`));
    source.set({ n: 1, status: 'a' });
    source.set({ n: 2, status: 'a' });
    source.set({ n: 3, status: 'b' });
    expect(heard).to.deep.equal(['1a', '3b']);
    off();
  });

  it('calls progress alone not urgent, and what a person acts on urgent', () => {
    const item = uploadItem({ status: 'uploading', progress: 10, bytesUploaded: 10 });
    const id = item.operationId;
    const shown: Record<string, UploadItem> = { [id]: item };
    const next = (change: Partial<UploadItem>) => ({ [id]: { ...item, ...change } });
    expect(
      uploadsUrgent(shown, next({ progress: 50, bytesUploaded: 50, timeRemaining: 3, speed: 9 })),
    ).to.equal(false);
    expect(uploadsUrgent(shown, next({ status: 'paused' }))).to.equal(true);
    expect(uploadsUrgent(shown, next({ waiting: { reason: 'offline', retryAt: null } }))).to.equal(true);
    expect(uploadsUrgent(shown, next({ waitingForFile: true }))).to.equal(true);
    expect(
      uploadsUrgent(shown, next({ error: { code: 'network', message: 'Lost.', retryable: true } })),
    ).to.equal(true);
    const other = uploadItem();
    expect(uploadsUrgent(shown, { ...shown, [other.operationId]: other })).to.equal(true);
    const cooking = { ...item, status: 'processing' as const, processing: { stage: 'probe', progress: 10 } };
    expect(
      uploadsUrgent(
        { [id]: cooking },
        { [id]: { ...cooking, processing: { stage: 'probe', progress: 60 } } },
      ),
    ).to.equal(false);
    expect(
      uploadsUrgent(
        { [id]: cooking },
        { [id]: { ...cooking, processing: { stage: 'poster', progress: 0 } } },
      ),
    ).to.equal(true);
  });

  it('calls batch bytes and time not urgent, counts and totals urgent', () => {
    const counts = { queued: 1, uploading: 1, paused: 0, processing: 0, ready: 0, error: 0, canceled: 0 };
    const batch: BatchState = {
      progress: 10,
      bytesUploaded: 10,
      bytesTotal: 100,
      speed: 1,
      timeRemaining: 90,
      counts,
      total: 2,
      active: true,
      batchTotal: 2,
      batchDone: 0,
      batchFailed: 0,
    };
    expect(
      batchUrgent(batch, { ...batch, progress: 50, bytesUploaded: 50, speed: 4, timeRemaining: 9 }),
    ).to.equal(false);
    expect(batchUrgent(batch, { ...batch, counts: { ...counts, uploading: 0, ready: 1 } })).to.equal(true);
    expect(batchUrgent(batch, { ...batch, batchFailed: 1 })).to.equal(true);
    expect(batchUrgent(batch, { ...batch, active: false })).to.equal(true);
  });
});
