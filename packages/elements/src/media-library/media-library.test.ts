import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mediaFile, pngFile, seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import { paramsFromView } from './view-params.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// The test runner serves a real @mediabay/server-kit at /api/media (see web-test-runner.config.mjs).
describe('<media-library>', () => {
  let client: MediaClient;

  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media' });
  });
  afterEach(() => client.destroy());

  const root = (el: MediaLibrary) => el.shadowRoot!;
  const items = (el: MediaLibrary) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
  const loaded = (el: MediaLibrary) =>
    until(() => !root(el).querySelector('.spinner'), 'library loaded', 10000);

  it('is accessible once loaded', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await loaded(el);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('shares its client with the dropzone and the panel inside it', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    expect(root(el).querySelector('upload-dropzone')!.client).to.equal(client);
    expect(root(el).querySelector('upload-panel')!.client).to.equal(client);
  });

  it('makes its own client from endpoint', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library endpoint="/api/media"></media-library>`);
    expect(el.client?.endpoint).to.equal('/api/media');
    expect(root(el).querySelector('upload-panel')!.client).to.equal(el.client);
    el.remove();
  });

  it('shows a new upload at once, then the server record when it is ready', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await loaded(el);
    const file = await pngFile(`fresh-${Date.now()}.png`);
    root(el).querySelector('upload-dropzone')!.addFiles([file]);
    const operationId = Object.values(client.$uploads.get()).find((u) => u.name === file.name)!.operationId;

    const optimistic = await until(
      () => items(el).find((item) => item.dataset.operationId === operationId),
      'optimistic item',
      2000,
    );
    expect(optimistic.dataset.id).to.equal(operationId);
    expect(optimistic.textContent).to.contain(file.name);
    // the picked image is its own poster while it uploads
    expect(optimistic.querySelector<HTMLImageElement>('img.thumb-img')?.src).to.match(/^blob:/);

    const record = await until(
      () =>
        items(el).find(
          (item) =>
            item.dataset.operationId === operationId &&
            item.dataset.status === 'ready' &&
            item.dataset.id !== operationId,
        ),
      'server record',
      20000,
    );
    expect(record.dataset.name).to.equal(file.name);
    // the server's record takes the optimistic entry's place: the same item, updated, not a new one
    expect(record).to.equal(optimistic);
    await settled(el); // the panel's rows and status changes animate
    await expect(el).to.be.accessible();
  });

  it('switches between grid and list from the client view state', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await loaded(el);
    client.setView({ mode: 'list' });
    await until(() => root(el).querySelector('.items.list, .state'), 'list mode');
    client.setView({ mode: 'grid' });
    await until(() => root(el).querySelector('.items.grid, .state'), 'grid mode');
  });

  it('shows what another client uploads, live, without a reload', async () => {
    const prefix = uniquePrefix('live');
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await loaded(el);
    const other = createMediaClient({ endpoint: '/api/media' });
    try {
      other.addFiles([await pngFile(`${prefix}-from-elsewhere.png`)]);
      const item = await until(
        () =>
          items(el).find(
            (i) => i.dataset.name === `${prefix}-from-elsewhere.png` && i.dataset.status === 'ready',
          ),
        'the other upload',
        20000,
      );
      expect(item.dataset.operationId).to.match(/^media_upload_/);
    } finally {
      other.destroy();
    }
  });

  it('renders only the visible part of 100,000 items', async () => {
    const params = paramsFromView(client.$view.get());
    const many = Array.from({ length: 100_000 }, (_, i) =>
      mediaFile({ id: `bulk_${i}`, name: `clip-${i}.mp4` }),
    );
    await client.ready;
    client.queryClient.setQueryData(['media-files', params], {
      items: many,
      nextCursor: null,
      total: many.length,
    });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    await until(() => items(el).length > 0, 'first items');
    expect(items(el).length).to.be.below(200);
    expect(root(el).querySelector('[role="listbox"]')!.scrollHeight).to.be.above(100_000);
    expect(root(el).querySelector('.count')!.textContent).to.contain('100,000 items');
  });

  it('drops what another client deletes, live', async () => {
    const prefix = uniquePrefix('gone');
    await seedLibrary(client, prefix, 2);
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await until(() => items(el).length === 2, 'two items');
    const victim = items(el)[0]!.dataset.id!;
    const other = createMediaClient({ endpoint: '/api/media' });
    try {
      await other.library.remove([victim]);
      await until(() => items(el).length === 1, 'the deleted item leaves', 10000);
      expect(items(el)[0]!.dataset.id).not.to.equal(victim);
    } finally {
      other.destroy();
    }
  });

  it('lays out right to left, inner elements included, under dir="rtl"', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><media-library .client=${client}></media-library></div>`,
    );
    const el = wrapper.querySelector('media-library')!;
    await loaded(el);
    expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    const panel = root(el).querySelector('upload-panel')!;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('[part="panel"]')!.getAttribute('dir')).to.equal('rtl');
  });
});
