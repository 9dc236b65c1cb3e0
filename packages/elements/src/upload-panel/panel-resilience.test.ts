// The panel through bad networks and big batches (issue 13): rows that wait by themselves, failures
// in the reader's language and never silent, "Retry all failed", a batch count that keeps its
// finished files, overall progress while minimised, and focus that stays in the panel.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { settled, testFile, uploadItem, until } from '../test-support/fixtures.js';
import { deepActive } from '../shared/focus-keeper.js';
import type { UploadPanel } from './upload-panel.component.js';
import { en } from '../i18n/en.js';
import { panelTitle } from './panel-summary.js';
import './upload-panel.js';

const rows = (el: UploadPanel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const part = (el: UploadPanel, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<upload-panel> through bad networks', () => {
  let client: MediaClient;
  const extra: MediaClient[] = [];

  beforeEach(async () => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    await client.ready; // the client's engine loads after it is made: not during a test's timing
  });
  afterEach(() => {
    client.destroy();
    for (const other of extra.splice(0)) other.destroy();
  });

  function seed(...items: UploadItem[]): UploadItem[] {
    mirrorUploads(client, items);
    return items;
  }

  async function panel(owner = client): Promise<UploadPanel> {
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${owner}></upload-panel>`);
    const count = Object.keys(owner.$uploads.get()).length;
    await until(() => rows(el).length === count, `${count} rows`);
    return el;
  }

  /** a real client whose uploads fail at once (no such API) and whose finished rows leave quickly */
  function failing(): MediaClient {
    const broken = createMediaClient({
      endpoint: '/api/no-such-api',
      resumeAfterReload: false,
      shareTabs: false,
      removeCompletedAfter: 50,
      retries: 0,
    });
    extra.push(broken);
    return broken;
  }

  it('shows a row waiting for its connection as waiting, with its bytes kept and no percent', async () => {
    seed(
      uploadItem({
        name: 'offline.mp4',
        progress: 40,
        bytesUploaded: 8 * 2 ** 20,
        waiting: { reason: 'offline', retryAt: null },
      }),
      uploadItem({
        name: 'busy.mp4',
        status: 'queued',
        waiting: { reason: 'rate-limited', retryAt: Date.now() + 5_500 },
      }),
    );
    const el = await panel();
    const [offline, busy] = rows(el);
    expect(offline!.dataset.waiting).to.equal('offline');
    const offlineText = offline!.querySelector('[part="row-detail"]')!.textContent!;
    expect(offlineText).to.contain('Waiting for connection…').and.contain('8 MB of 20 MB');
    expect(offlineText).not.to.contain('%');
    expect(busy!.dataset.waiting).to.equal('rate-limited');
    const busyDetail = busy!.querySelector('[part="row-detail"]')!;
    expect(busyDetail.textContent).to.match(/Server busy, retrying in [56] s/);
    // the countdown moves by itself
    await until(() => /retrying in [1-4] s/.test(busyDetail.textContent!), 'countdown ticks', 4000);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it("shows each failure in the reader's language, a final server answer in the server's words, whole", async () => {
    const long =
      'Files of this kind are refused by the course policy of this school, which allows only lecture ' +
      'recordings, slides and documents that the teaching staff uploaded themselves.';
    seed(
      uploadItem({
        name: 'a.mp4',
        status: 'error',
        error: {
          code: 'network',
          message: 'tus: failed to resume upload, caused by [object ProgressEvent]',
          retryable: true,
        },
      }),
      uploadItem({
        name: 'b.mp4',
        status: 'error',
        error: { code: 'policy-refused', message: long, retryable: false, fromServer: true },
      }),
    );
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><upload-panel .client=${client}></upload-panel></div>`,
    );
    const el = wrapper.querySelector('upload-panel')!;
    await until(() => rows(el).length === 2, '2 rows');
    const detail = (row: HTMLElement) => row.querySelector<HTMLElement>('[part="row-detail"]')!;
    const [a, b] = rows(el);
    // the French strings may load after the first render
    await until(() => detail(a!).textContent!.trim() === 'La connexion au serveur a été perdue.', 'French');
    expect(el.shadowRoot!.textContent).not.to.contain('ProgressEvent');
    expect(detail(b!).textContent!.trim()).to.equal(long);
    // the whole message is on screen: it wraps instead of being cut off
    expect(detail(b!).scrollWidth).to.be.at.most(detail(b!).clientWidth);
    expect(detail(b!).getBoundingClientRect().height).to.be.above(30);
    expect(part(el, 'retry-all')!.textContent!.trim()).to.equal('Réessayer les échecs');
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('retries every failed upload from "Retry all failed"', async () => {
    const broken = failing();
    broken.addFiles([
      testFile('one.bin', 'application/octet-stream', 1024),
      testFile('two.bin', 'application/octet-stream', 2048),
    ]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${broken}></upload-panel>`);
    await until(
      () => rows(el).filter((row) => row.dataset.status === 'error').length === 2,
      '2 failed',
      15000,
    );
    expect(el.shadowRoot!.querySelector('[part="header"]')!.textContent).to.contain('2 uploads failed');
    const retried = new Set<string>();
    broken.on('upload-status', ({ item }) => {
      if (item.status === 'queued' || item.status === 'uploading') retried.add(item.name);
    });
    part(el, 'retry-all')!.click();
    await until(() => retried.size === 2, 'both retried');
  });

  it('comes back by itself when an upload fails while it is dismissed', async () => {
    const [item] = seed(uploadItem({ name: 'fragile.mp4', progress: 30 }));
    const el = await panel();
    part(el, 'close-button')!.click();
    await el.updateComplete;
    expect(part(el, 'panel')!.hidden).to.equal(true);
    mirrorUploads(client, [
      {
        ...item!,
        status: 'error',
        error: { code: 'server-error', message: 'The server could not store the file.', retryable: true },
      },
    ]);
    await until(() => !part(el, 'panel')!.hidden, 'panel back after the failure');
    expect(el.dismissed).to.equal(false);
  });

  it('keeps its overall progress in view while minimised', async () => {
    seed(uploadItem({ size: 100, bytesUploaded: 30, progress: 30, speed: 1, timeRemaining: 70 }));
    const el = await panel();
    part(el, 'minimize-button')!.click();
    await el.updateComplete;
    expect(part(el, 'list')!.hidden).to.equal(true);
    const overall = part(el, 'overall-progress')!;
    expect(overall.checkVisibility()).to.equal(true);
    expect(overall.getAttribute('aria-valuenow')).to.equal('30');
    expect(overall.getAttribute('aria-valuetext')).to.contain('30%');
  });

  it('counts a batch\'s finished files after they leave the list: "2 of 3 done", not "0 of 1"', async () => {
    const quick = createMediaClient({
      endpoint: '/api/media',
      resumeAfterReload: false,
      shareTabs: false,
      concurrency: 1,
      removeCompletedAfter: 50,
    });
    extra.push(quick);
    quick.addFiles([
      testFile('batch-a.txt', 'text/plain', 1024),
      testFile('batch-b.txt', 'text/plain', 1024),
      testFile('batch-big.bin', 'application/octet-stream', 512 * 2 ** 20),
    ]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${quick}></upload-panel>`);
    const big = await until(
      () => Object.values(quick.$uploads.get()).find((item) => item.name === 'batch-big.bin'),
      'the big upload',
    );
    await until(
      () => quick.$uploads.get()[big.operationId]?.status === 'uploading',
      'big one uploading',
      15000,
    );
    quick.pause(big.operationId);
    await until(() => rows(el).length === 1, 'finished rows left', 15000);
    expect(part(el, 'summary')!.textContent).to.contain('2 of 3 done');
    quick.cancel(big.operationId);
  });

  it('titles a batch offline by what it waits for, and a finished one by its outcome', () => {
    const batch = client.$batch.get();
    const counts = { ...batch.counts, uploading: 2, queued: 1 };
    const moving = { ...batch, counts, batchTotal: 3 };
    expect(panelTitle(moving, en)).to.equal('Uploading 3 items');
    expect(panelTitle(moving, en, true)).to.equal('Waiting for connection…');
    const over = {
      ...batch,
      batchTotal: 10,
      batchDone: 8,
      batchFailed: 2,
      counts: { ...batch.counts, error: 2 },
    };
    expect(panelTitle(over, en)).to.equal('8 uploads complete, 2 failed');
    expect(panelTitle({ ...over, batchDone: 10, batchFailed: 0, counts: batch.counts }, en)).to.equal(
      '10 uploads complete',
    );
  });

  it('moves focus to the next row when the focused row goes away, never to <body>', async () => {
    const broken = failing();
    broken.addFiles([
      testFile('first.bin', 'application/octet-stream', 1024),
      testFile('second.bin', 'application/octet-stream', 1024),
    ]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${broken}></upload-panel>`);
    await until(
      () => rows(el).filter((row) => row.dataset.status === 'error').length === 2,
      '2 failed',
      15000,
    );
    const cancel = rows(el)[0]!.querySelector<HTMLButtonElement>('[data-action="cancel"]')!;
    cancel.focus();
    cancel.click();
    await until(() => rows(el).length === 1, 'the canceled row left');
    await until(() => deepActive() !== document.body, 'focus moved');
    const active = deepActive()!;
    expect(active.closest('[part~="row"]')?.querySelector('[part="row-name"]')?.textContent).to.equal(
      'second.bin',
    );
  });
});
