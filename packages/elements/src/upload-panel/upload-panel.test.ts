import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { mirrorUploads, removeUploads } from '@mediabay/core/testing';
import { settled, testFile, uploadItem, until } from '../test-support/fixtures.js';
import type { UploadPanel } from './upload-panel.component.js';
import './upload-panel.js';

describe('<upload-panel>', () => {
  let client: MediaClient;

  beforeEach(() => {
    // Rows come from the seeded store only: no uploads restored from IndexedDB or other tabs that
    // earlier test files left behind.
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(() => client.destroy());

  function seed(...items: UploadItem[]): UploadItem[] {
    mirrorUploads(client, items);
    return items;
  }

  const rows = (el: UploadPanel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];

  /** The panel once its (virtualized) list has laid out the seeded rows. */
  async function panel(): Promise<UploadPanel> {
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    const count = Object.keys(client.$uploads.get()).length;
    await until(() => rows(el).length === count, `${count} rows`);
    return el;
  }

  it('is accessible with uploads in every state', async () => {
    seed(
      uploadItem({ name: 'queued.mov', status: 'queued' }),
      uploadItem({
        name: 'moving.mp4',
        status: 'uploading',
        progress: 42,
        bytesUploaded: 8e6,
        timeRemaining: 30,
      }),
      uploadItem({ name: 'held.mp4', status: 'paused', progress: 10 }),
      uploadItem({
        name: 'cooking.mp4',
        status: 'processing',
        processing: { stage: 'poster', progress: 50 },
      }),
      uploadItem({ name: 'done.png', type: 'image', status: 'ready', progress: 100 }),
      uploadItem({
        name: 'broken.pdf',
        type: 'document',
        status: 'error',
        error: { code: 'network', message: 'Connection lost', retryable: true },
      }),
    );
    const el = await panel();
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('renders one row per upload with its progress as aria-valuenow and its status', async () => {
    const [a, b] = seed(
      uploadItem({ name: 'first.mp4', progress: 42.6, bytesUploaded: 9e6 }),
      uploadItem({ name: 'second.mp4', status: 'ready', progress: 100 }),
    );
    const el = await panel();
    const [rowA, rowB] = rows(el);
    expect(rows(el)).to.have.length(2);
    expect(rowA!.dataset.operationId).to.equal(a!.operationId);
    expect(rowA!.dataset.status).to.equal('uploading');
    expect(rowA!.textContent).to.contain('first.mp4').and.contain('42%').and.contain('20 MB');
    expect(rowA!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('43');
    expect(rowB!.dataset.operationId).to.equal(b!.operationId);
    expect(rowB!.dataset.status).to.equal('ready');
    expect(rowB!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('100');
  });

  it('follows store changes: progress moves and the status flips', async () => {
    const [item] = seed(uploadItem({ progress: 5 }));
    const el = await panel();
    mirrorUploads(client, [{ ...item!, progress: 77 }]);
    await until(() => rows(el)[0]?.querySelector('[aria-valuenow="77"]'), 'progress 77');
    mirrorUploads(client, [{ ...item!, status: 'ready', progress: 100 }]);
    await until(() => rows(el)[0]?.dataset.status === 'ready', 'ready status');
  });

  it('shows the overall progress and time left of $batch in its header', async () => {
    seed(
      uploadItem({ size: 100, bytesUploaded: 50, progress: 50, timeRemaining: 90, speed: 1 }),
      uploadItem({ size: 100, bytesUploaded: 0, progress: 0, timeRemaining: 90, speed: 1 }),
    );
    const el = await panel();
    const header = el.shadowRoot!.querySelector('[part="header"]')!;
    expect(header.textContent).to.contain('Uploading 2 items');
    const overall = el.shadowRoot!.querySelector('[part="overall-progress"]')!;
    expect(overall.getAttribute('aria-valuenow')).to.equal(String(Math.round(client.$batch.get().progress)));
  });

  it('offers the buttons each status allows, labelled with the file name', async () => {
    seed(uploadItem({ name: 'a.mp4', status: 'uploading' }), uploadItem({ name: 'b.mp4', status: 'error' }));
    const el = await panel();
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="row-button"]')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(labels).to.deep.equal(['Pause a.mp4', 'Cancel a.mp4', 'Retry b.mp4', 'Cancel b.mp4']);
  });

  it('announces a real batch once, with a summary, not each start and finish', async () => {
    const el = await panel();
    const live = el.shadowRoot!.querySelector('[aria-live]')!;
    const heard = new Set<string>();
    const observer = new MutationObserver(() => heard.add(live.textContent ?? ''));
    observer.observe(live, { childList: true, characterData: true, subtree: true });
    client.addFiles([testFile('talk.txt', 'text/plain', 2048), testFile('notes.txt', 'text/plain', 1024)]);
    await until(() => live.textContent?.includes('2 uploads complete'), 'batch summary');
    observer.disconnect();
    expect([...heard].filter((text) => text.includes('talk.txt'))).to.deep.equal([]);
  });

  it('stays out of sight until there is an upload', async () => {
    const el = await panel();
    expect(el.shadowRoot!.querySelector('[part="panel"]')!.hasAttribute('hidden')).to.equal(true);
    seed(uploadItem());
    await until(() => !el.shadowRoot!.querySelector('[part="panel"]')!.hasAttribute('hidden'), 'panel shown');
  });

  it('minimises to its header, and a dismissed panel returns with the next upload', async () => {
    seed(uploadItem());
    const el = await panel();
    const toggles: boolean[] = [];
    el.addEventListener('mb-panel-toggle', (event) => toggles.push(event.detail.minimized));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="minimize-button"]')!.click();
    await el.updateComplete;
    expect(el.minimized).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="list"]')!.hasAttribute('hidden')).to.equal(true);
    expect(toggles).to.deep.equal([true]);

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    await el.updateComplete;
    expect(el.dismissed).to.equal(true);
    seed(uploadItem({ name: 'later.mp4' }));
    await until(() => !el.dismissed, 'panel back');
  });

  it('pauses, resumes and cancels real uploads with its row buttons', async () => {
    const slow = createMediaClient({ endpoint: '/api/media', concurrency: 1 });
    try {
      slow.addFiles([
        testFile('panel-big.bin', 'application/octet-stream', 768 * 1024 * 1024),
        testFile('panel-small.bin', 'application/octet-stream', 4096),
      ]);
      const el = await fixture<UploadPanel>(html`<upload-panel .client=${slow}></upload-panel>`);
      const row = (name: string) =>
        rows(el).find((r) => r.querySelector('[part="row-name"]')!.textContent === name);
      const button = (name: string, action: string) =>
        row(name)!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

      await until(() => row('panel-big.bin')?.dataset.status === 'uploading', 'big file uploading');
      expect(row('panel-small.bin')!.dataset.status).to.equal('queued');
      button('panel-big.bin', 'pause').click();
      await until(() => row('panel-big.bin')?.dataset.status === 'paused', 'paused');
      expect(button('panel-big.bin', 'resume').getAttribute('aria-label')).to.equal('Resume panel-big.bin');

      button('panel-small.bin', 'cancel').click();
      await until(
        () => !row('panel-small.bin') || row('panel-small.bin')!.dataset.status === 'canceled',
        'canceled',
      );

      button('panel-big.bin', 'resume').click();
      await until(() => row('panel-big.bin')?.dataset.status !== 'paused', 'resumed');
      button('panel-big.bin', 'cancel').click();
      await until(
        () => !row('panel-big.bin') || row('panel-big.bin')!.dataset.status === 'canceled',
        'big canceled',
      );
    } finally {
      slow.destroy();
    }
  });

  it('counts finished uploads in its header', async () => {
    seed(
      uploadItem({ status: 'ready', progress: 100 }),
      uploadItem({ status: 'uploading', progress: 10, timeRemaining: 30 }),
    );
    const el = await panel();
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('1 of 2 done');
  });

  it('says "Finishing…" in its header and row once every byte is sent, not "1 sec left"', async () => {
    const size = 20 * 2 ** 20;
    seed(uploadItem({ status: 'uploading', progress: 100, size, bytesUploaded: size, timeRemaining: 0 }));
    const el = await panel();
    const summary = el.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('Finishing…').and.not.contain('left');
    expect(rows(el)[0]!.querySelector('[part="row-detail"]')!.textContent).to.contain('Finishing…');
  });

  it('isolates each part of its header and rows in a right-to-left page, so English stays readable', async () => {
    seed(
      uploadItem({ status: 'ready', progress: 100 }),
      uploadItem({ status: 'uploading', progress: 15, bytesUploaded: 18 * 2 ** 20, timeRemaining: 7 }),
    );
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><upload-panel .client=${client}></upload-panel></div>`,
    );
    const el = wrapper.querySelector('upload-panel')!;
    await until(() => rows(el).length === 2, '2 rows');
    const root = el.shadowRoot!;
    const isolated = (selector: string) =>
      [...root.querySelectorAll<HTMLElement>(`${selector} bdi`)].map((part) => {
        expect(getComputedStyle(part).unicodeBidi, part.textContent!).to.equal('isolate');
        return part.textContent!.trim();
      });
    expect(isolated('[part="summary"]')).to.have.length(2);
    expect(isolated('[part="summary"]')[1]).to.equal('1 of 2 done');
    const uploading = rows(el).find((row) => row.dataset.status === 'uploading')!;
    expect(
      isolated(`[data-operation-id="${uploading.dataset.operationId}"] [part="row-detail"]`),
    ).to.deep.equal(['18 MB of 20 MB', '15%', '7 sec left']);
  });

  it('keeps only the rows in view in the DOM for 10,000 uploads, in upload order', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) =>
      uploadItem({ name: `clip-${i}.mp4`, addedAt: 1_000 + i }),
    );
    mirrorUploads(client, items);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    await until(() => rows(el).length > 0, 'rows');
    expect(rows(el).length).to.be.below(50);
    expect(rows(el)[0]!.textContent).to.contain('clip-0.mp4');
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    // The list's height is estimated until rows are measured: keep scrolling to its end.
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return rows(el).some((row) => row.textContent!.includes('clip-9999.mp4'));
    }, 'the last row');
    expect(rows(el).length).to.be.below(50);
  });

  it('leaves nothing behind in its list when rows come and go (lit/lit#5298, patched)', async () => {
    const el = await panel();
    const list = el.shadowRoot!.querySelector('[part="list"] ul')!;
    const baseline = list.childNodes.length;
    for (let round = 0; round < 3; round++) {
      const items = seed(...Array.from({ length: 20 }, (_, i) => uploadItem({ name: `r${round}-${i}.mp4` })));
      await until(() => rows(el).length === 20, '20 rows');
      removeUploads(client);
      await until(() => rows(el).length === 0, 'rows gone');
      expect(items.length).to.equal(20);
    }
    // lit-html 3.3.3's removePart() left each removed row's end marker (an empty comment) in place
    expect(list.childNodes.length).to.equal(baseline);
  });

  it('works alone with an endpoint, making its own client', async () => {
    const el = await fixture<UploadPanel>(html`<upload-panel endpoint="/api/media"></upload-panel>`);
    expect(el.client?.endpoint).to.equal('/api/media');
    expect(el.client).not.to.equal(client);
    el.remove();
  });

  it('takes the file again for an upload restored after a reload', async () => {
    seed(uploadItem({ name: 'lecture.mp4', size: 2048, status: 'paused', waitingForFile: true }));
    const el = await panel();
    const row = rows(el)[0]!;
    expect(row.textContent).to.contain('Choose the file again to resume');
    const choose = row.querySelector<HTMLButtonElement>('[data-action="choose"]')!;
    expect(choose.getAttribute('aria-label')).to.equal('Choose lecture.mp4 again');
    choose.click();
    const picker = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(testFile('lecture.mp4', 'video/mp4', 2048));
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change'));
    await until(
      () =>
        Object.values(client.$uploads.get()).some(
          (item) => item.name === 'lecture.mp4' && !item.waitingForFile,
        ),
      'the upload has its file again',
    );
  });

  it('retries a failed upload from its Retry button', async () => {
    const broken = createMediaClient({ endpoint: '/api/no-such-api' });
    try {
      broken.addFiles([testFile('doomed.bin', 'application/octet-stream', 1024)]);
      const el = await fixture<UploadPanel>(html`<upload-panel .client=${broken}></upload-panel>`);
      const row = await until(() => rows(el).find((r) => r.dataset.status === 'error'), 'failed row', 15000);
      expect(row.querySelector('[part~="row-detail"]')!.textContent!.trim()).not.to.equal('');
      const statuses: string[] = [];
      broken.on('upload-status', (event) => statuses.push(event.item.status));
      row.querySelector<HTMLButtonElement>('[data-action="retry"]')!.click();
      await until(() => statuses.includes('queued') || statuses.includes('uploading'), 'retried');
    } finally {
      broken.destroy();
    }
  });
});
