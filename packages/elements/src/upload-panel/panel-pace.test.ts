// Progress renders at a pace a person can read: the store takes every write, but a row, the header
// and the library's card render a fast progress stream at most ~twice a second, and a status change
// at once. Counted in DOM commits (MutationObserver), against the time the stream took, never timed.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { mediaFile, uploadItem, until } from '../test-support/fixtures.js';
import { PACE_MS } from '../shared/paced-store.js';
import type { UploadPanel } from './upload-panel.component.js';
import type { MediaLibrary } from '../media-library/media-library.component.js';
import './upload-panel.js';
import '../media-library/media-library.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** How many times `target`'s DOM was committed (one observer callback per render). */
function commits(target: Node): { count: () => number; stop: () => void } {
  let count = 0;
  const observer = new MutationObserver(() => (count += 1));
  observer.observe(target, { subtree: true, attributes: true, characterData: true, childList: true });
  return { count: () => count, stop: () => observer.disconnect() };
}

/** Writes the upload's progress once per frame, as fast as the client's store can, `writes` times. */
async function stream(client: MediaClient, item: UploadItem, writes: number): Promise<number> {
  const start = performance.now();
  for (let i = 1; i <= writes; i += 1) {
    const bytesUploaded = Math.round((item.size * i) / (writes + 1));
    mirrorUploads(client, [
      {
        ...item,
        bytesUploaded,
        progress: (bytesUploaded / item.size) * 100,
      },
    ]);
    await frame();
  }
  return performance.now() - start;
}

/** Renders allowed in `elapsed` ms at the pace, plus the first one and a trailing one. */
const allowed = (elapsed: number) => Math.floor(elapsed / PACE_MS) + 2;

describe('progress pace', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(() => client.destroy());

  const rowOf = (el: UploadPanel, id: string) =>
    el.shadowRoot!.querySelector<HTMLElement>(`[data-operation-id="${id}"]`);

  it('renders a fast progress stream in the row and header a few times a second, and its end', async () => {
    const item = uploadItem({ size: 1024 ** 3 });
    mirrorUploads(client, [item]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    const row = await until(() => rowOf(el, item.operationId), 'the row');
    const header =
      el.shadowRoot!.querySelector('[part="summary"]') ?? el.shadowRoot!.querySelector('header')!;
    const rowCommits = commits(row);
    const headerCommits = commits(header);
    const writes = 60;
    const elapsed = await stream(client, item, writes);
    rowCommits.stop();
    headerCommits.stop();
    expect(rowCommits.count()).to.be.at.most(allowed(elapsed));
    expect(rowCommits.count()).to.be.below(writes / 2);
    expect(headerCommits.count()).to.be.at.most(allowed(elapsed));
    // the last write is shown once its spell is over: nothing is lost
    const last = client.$uploads.get()[item.operationId]!;
    const shown = String(Math.round(last.progress));
    await until(
      () => rowOf(el, item.operationId)?.querySelector(`[aria-valuenow="${shown}"]`),
      `progress ${shown}`,
    );
  });

  it('shows a status change at once, while progress in the same spell waits', async () => {
    const item = uploadItem({ status: 'queued', size: 1000 });
    mirrorUploads(client, [item]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    await until(() => rowOf(el, item.operationId), 'the row');
    // a status change is shown with the next update, and starts a spell
    const uploading = { ...item, status: 'uploading' as const };
    mirrorUploads(client, [uploading]);
    await el.updateComplete;
    expect(rowOf(el, item.operationId)!.dataset.status).to.equal('uploading');
    // progress in that spell is not rendered by the next update
    mirrorUploads(client, [{ ...uploading, bytesUploaded: 370, progress: 37 }]);
    await el.updateComplete;
    await frame();
    const bar = () => rowOf(el, item.operationId)!.querySelector('[role="progressbar"]')!;
    expect(bar().getAttribute('aria-valuenow')).to.equal('0');
    // a failure is: with the progress it came with
    mirrorUploads(client, [
      {
        ...uploading,
        bytesUploaded: 380,
        progress: 38,
        status: 'error',
        error: { code: 'network', message: 'The connection was lost.', retryable: true },
      },
    ]);
    await el.updateComplete;
    expect(rowOf(el, item.operationId)!.dataset.status).to.equal('error');
  });

  it('keeps the whole detail line in view with a larger line height (text spacing, WCAG 1.4.12)', async () => {
    const item = uploadItem({ size: 1024 ** 3, bytesUploaded: 2 ** 29, progress: 50, timeRemaining: 70 });
    mirrorUploads(client, [item]);
    const spacing = document.createElement('style');
    spacing.textContent = 'upload-panel::part(row-detail) { line-height: 24px !important; }';
    document.head.append(spacing);
    try {
      const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
      const row = await until(() => rowOf(el, item.operationId), 'the row');
      const detail = row.querySelector<HTMLElement>('[part="row-detail"]')!;
      expect(detail.getBoundingClientRect().height).to.equal(24);
      expect(detail.scrollHeight).to.be.at.most(detail.clientHeight);
    } finally {
      spacing.remove();
    }
  });

  it("renders the library card's progress at the same pace", async () => {
    const item = uploadItem({ size: 1024 ** 3 });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="display:block;height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    // the first list has landed and the socket is open (its opening refetches the lists)
    await until(() => client.$live.get() === 'live', 'live', 10000);
    await until(
      () => root.querySelector('[part~="empty"]:not([role])') ?? root.querySelector('[part~="item"]'),
      'the first list',
    );
    mirrorUploads(client, [item]);
    const file = mediaFile({
      id: item.operationId,
      name: 'big.mp4',
      status: 'processing',
      operationId: item.operationId,
    });
    await client.ready;
    client.queryClient.setQueryData(['media-files', { sort: 'createdAt', order: 'desc', limit: 200 }], {
      items: [file],
      nextCursor: null,
      total: 1,
    });
    const card = await until(
      () => root.querySelector<HTMLElement>(`[part~="item"][data-operation-id="${item.operationId}"]`),
      'the card',
    );
    const cardCommits = commits(card);
    const elapsed = await stream(client, item, 60);
    cardCommits.stop();
    expect(card.isConnected, 'the card stayed').to.equal(true);
    expect(card.textContent).to.match(/Uploading \d+%/);
    expect(cardCommits.count()).to.be.at.most(allowed(elapsed));
    expect(cardCommits.count()).to.be.above(0).and.below(30);
  });
});
