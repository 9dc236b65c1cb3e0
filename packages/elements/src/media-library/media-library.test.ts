import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { pngFile, until } from '../test-support/fixtures.js';
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
    await expect(el).to.be.accessible();
  });

  it('switches between grid and list from the client view state', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await loaded(el);
    client.$view.setKey('mode', 'list');
    await until(() => root(el).querySelector('.items.list, .state'), 'list mode');
    client.$view.setKey('mode', 'grid');
    await until(() => root(el).querySelector('.items.grid, .state'), 'grid mode');
  });
});
