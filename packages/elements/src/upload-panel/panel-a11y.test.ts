// The panel for keyboard and screen-reader users (issue 18): a progressbar's text matches its
// value, "Cancel all" is announced briefly, and the floating panel moves off a focused control.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { settled, testFile, uploadItem, until } from '../test-support/fixtures.js';
import { keyboardFocus } from '../test-support/a11y.js';
import type { UploadPanel } from './upload-panel.component.js';
import './upload-panel.js';

const rows = (el: UploadPanel) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];

describe('<upload-panel> accessibility', () => {
  const clients: MediaClient[] = [];
  const make = (endpoint = '/api/media') => {
    const client = createMediaClient({
      endpoint,
      resumeAfterReload: false,
      shareTabs: false,
      retries: 0,
      removeCompletedAfter: 50,
    });
    clients.push(client);
    return client;
  };
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  it('says in its progressbar text the value it has (processing at 10 % is not "100 %")', async () => {
    const client = make();
    const item = uploadItem({
      name: 'cooking.mp4',
      status: 'processing',
      progress: 100,
      bytesUploaded: 20 * 2 ** 20,
      processing: { stage: 'poster', progress: 10 },
    });
    mirrorUploads(client, [item]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    const bar = await until(() => rows(el)[0]?.querySelector('[role="progressbar"]'), 'the bar');
    expect(bar.getAttribute('aria-valuenow')).to.equal('10');
    expect(bar.getAttribute('aria-valuetext')).to.match(/^10%/);
  });

  it('announces "Cancel all" briefly: the first names and a count, not one line per upload', async () => {
    const client = make('/api/no-such-api');
    client.addFiles(
      Array.from({ length: 6 }, (_, i) => testFile(`gone-${i}.bin`, 'application/octet-stream', 512)),
    );
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    await until(
      () => rows(el).filter((row) => row.dataset.status === 'error').length === 6,
      '6 failed',
      15000,
    );
    const live = el.shadowRoot!.querySelector('[aria-live]')!;
    client.cancelAll();
    await until(() => live.textContent!.includes('canceled'), 'announced');
    expect(live.textContent).to.match(/gone-\d\.bin canceled\. gone-\d\.bin canceled, and 4 more/);
  });

  it('keeps axe happy in the dark theme with waiting, failed and finished rows, open and minimised', async () => {
    const client = make();
    for (const item of [
      uploadItem({ name: 'offline.mp4', progress: 30, waiting: { reason: 'offline', retryAt: null } }),
      uploadItem({
        name: 'busy.mp4',
        status: 'queued',
        waiting: { reason: 'server-busy', retryAt: Date.now() + 9000 },
      }),
      uploadItem({
        name: 'failed.pdf',
        type: 'document',
        status: 'error',
        error: { code: 'timeout', message: 'x', retryable: true },
      }),
      uploadItem({ name: 'done.png', type: 'image', status: 'ready', progress: 100 }),
    ])
      mirrorUploads(client, [item]);
    const el = await fixture<UploadPanel>(html`<upload-panel theme="dark" .client=${client}></upload-panel>`);
    await until(() => rows(el).length === 4, 'rows');
    await settled(el);
    await expect(el).to.be.accessible();
    el.minimized = true;
    await el.updateComplete;
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('gives focus back to where it came from when closed, not to <body>', async () => {
    const client = make();
    const item = uploadItem({ name: 'closing.mp4', progress: 10 });
    mirrorUploads(client, [item]);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="before">Before</button><upload-panel .client=${client}></upload-panel></div>`,
    );
    const el = wrapper.querySelector('upload-panel')!;
    // the card comes in a task after the rows (not in the microtasks after the wrapper's render)
    await until(
      () => el.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')?.hidden === false,
      'panel shown',
    );
    const before = wrapper.querySelector<HTMLButtonElement>('#before')!;
    await keyboardFocus(before);
    const close = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!;
    close.focus();
    close.click();
    await el.updateComplete;
    expect(document.activeElement).to.equal(before);
  });

  it('moves off a focused control it would cover, and back home when focus leaves it', async () => {
    const client = make();
    const item = uploadItem({ name: 'covering.mp4', progress: 10 });
    mirrorUploads(client, [item]);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="under" style="position:fixed;right:40px;bottom:40px">Under the panel</button>
        <button id="free" style="position:fixed;left:8px;top:8px">Free</button>
        <upload-panel .client=${client}></upload-panel>
      </div>`,
    );
    const el = wrapper.querySelector('upload-panel')!;
    const card = () => el.shadowRoot!.querySelector<HTMLElement>('[part="panel"]');
    await until(() => card()?.hidden === false, 'panel shown');
    await settled(el);
    const under = wrapper.querySelector<HTMLButtonElement>('#under')!;
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(overlap(under.getBoundingClientRect(), card()!.getBoundingClientRect())).to.equal(true);
    await keyboardFocus(under);
    expect(overlap(under.getBoundingClientRect(), card()!.getBoundingClientRect())).to.equal(false);
    expect(el.getAttribute('avoiding')).to.equal('flip');
    await keyboardFocus(wrapper.querySelector<HTMLButtonElement>('#free')!);
    expect(el.hasAttribute('avoiding')).to.equal(false);
  });

  it('reads no layout when focus moves while its card is hidden (before any upload)', async () => {
    const client = make();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="page">A page control</button><upload-panel .client=${client}></upload-panel>
      </div>`,
    );
    const el = wrapper.querySelector('upload-panel')!;
    // the card is made (hidden) on idle, and with it the keeping off focused controls
    await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')?.hidden, 'the hidden card');
    const button = wrapper.querySelector<HTMLButtonElement>('#page')!;
    let reads = 0;
    const read = button.getBoundingClientRect.bind(button);
    button.getBoundingClientRect = () => ((reads += 1), read());
    await keyboardFocus(button);
    expect(document.activeElement).to.equal(button);
    expect(reads, "the focused control's box read").to.equal(0);
    expect(el.hasAttribute('avoiding')).to.equal(false);
  });
});
