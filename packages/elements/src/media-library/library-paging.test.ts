import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { settled, testFile, uniquePrefix, until } from '../test-support/fixtures.js';
import { paramsFromView } from './view-params.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// A library of three pages (45 files, 20 a page) on the real server kit: scrolling reaches them all.
describe('<media-library> paging', () => {
  const COUNT = 45;
  let client: MediaClient;
  let prefix: string;
  const name = (i: number) => `${prefix}-${String(i).padStart(3, '0')}.txt`;

  before(async function () {
    this.timeout(30000);
    const seeder = createMediaClient({ endpoint: '/api/media', removeCompletedAfter: Infinity });
    try {
      prefix = uniquePrefix('page');
      const files = Array.from({ length: COUNT }, (_, i) => testFile(name(i), 'text/plain', 64));
      const { accepted } = seeder.addFiles(files);
      await until(
        () => accepted.every((item) => seeder.$uploads.get()[item.operationId]?.status === 'ready'),
        'seeded files',
        25000,
      );
    } finally {
      seeder.destroy();
    }
  });

  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media' });
    client.setView({ q: prefix });
    client.setView({ sort: 'name' });
    client.setView({ order: 'asc' });
    client.setView({ mode: 'list' });
  });
  afterEach(() => client.destroy());

  const root = (el: MediaLibrary) => el.shadowRoot!;
  const listbox = (el: MediaLibrary) => root(el).querySelector<HTMLElement>('[role="listbox"]')!;
  const rendered = (el: MediaLibrary) =>
    [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')].map((item) => item.dataset.name);

  it('loads the next page as the user scrolls near the end, until every file is listed', async () => {
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} page-size="20" style="height:420px"></media-library>`,
    );
    await until(() => el.items.length === 20, 'first page');
    expect(root(el).querySelector('.count')!.textContent).to.contain(`${COUNT} items`);
    expect(rendered(el)).not.to.include(name(COUNT - 1));

    // scroll to the bottom, as a user would, until the last file is on screen
    await until(
      () => {
        listbox(el).scrollTop = listbox(el).scrollHeight;
        return rendered(el).includes(name(COUNT - 1));
      },
      'the last file rendered',
      15000,
    );
    expect(el.items.map((file) => file.name)).to.deep.equal(Array.from({ length: COUNT }, (_, i) => name(i)));
    expect(client.library.watch(paramsFromView(client.$view.get(), 20)).get().hasMore).to.equal(false);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('does not load further pages while the user stays at the top', async () => {
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} page-size="20" style="height:420px"></media-library>`,
    );
    await until(() => el.items.length === 20 && rendered(el).length > 0, 'first page');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(el.items.length).to.equal(20);
  });
});
