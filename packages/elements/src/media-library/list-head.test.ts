import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// Sorting like Drive: the list's column headers sort (and say so with aria-sort), and each key starts
// in its natural order (names A to Z, newest first, largest first), from the headers or the menu.
describe('<media-library> sorting', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  async function library() {
    client = createMediaClient({ endpoint: '/api/media' });
    const prefix = uniquePrefix('sort');
    await seedLibrary(client, prefix, 3);
    client.setView({ q: prefix });
    client.setView({ mode: 'list' });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    const names = () =>
      [...root.querySelectorAll<HTMLElement>('[part~="item"]')]
        .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
        .map((item) => item.dataset.name);
    await until(() => names().length === 3, 'library');
    await until(() => root.querySelector('[part="sort-header"]'), 'the column headers');
    const header = (key: string) =>
      root.querySelector<HTMLButtonElement>(`[part="sort-header"][data-sort="${key}"]`)!;
    const ariaSort = (key: string) => header(key).closest('[role="columnheader"]')!.getAttribute('aria-sort');
    return { el, root, names, header, ariaSort, prefix };
  }

  it('sorts by a header click, natural order first, and shows it with aria-sort', async () => {
    const { el, names, header, ariaSort, prefix } = await library();
    await settled(el);
    await expect(el).to.be.accessible();
    expect(ariaSort('createdAt')).to.equal('descending');
    expect(ariaSort('name')).to.equal('none');

    header('name').click();
    expect(client.$view.get()).to.include({ sort: 'name', order: 'asc' });
    await until(() => names().join() === [1, 2, 3].map((n) => `${prefix}-${n}.png`).join(), 'A to Z');
    await until(() => ariaSort('name') === 'ascending', 'aria-sort ascending');
    expect(ariaSort('createdAt')).to.equal('none');
    await settled(el);
    await expect(el).to.be.accessible();

    header('name').click();
    await until(() => names()[0] === `${prefix}-3.png`, 'Z to A');
    expect(ariaSort('name')).to.equal('descending');

    const sizes = (await client.library.list({ q: prefix })).items
      .slice()
      .sort((a, b) => b.size - a.size)
      .map((f) => f.name);
    header('size').click();
    expect(client.$view.get()).to.include({ sort: 'size', order: 'desc' });
    await until(() => names().join() === sizes.join(), 'largest first');
    await until(() => ariaSort('size') === 'descending', 'aria-sort descending');
  });

  it('starts a key picked in the menu in its natural order', async () => {
    const { root } = await library();
    const select = root.querySelector<HTMLSelectElement>('[part="sort"]')!;
    for (const [key, order] of [
      ['name', 'asc'],
      ['size', 'desc'],
      ['createdAt', 'desc'],
      ['type', 'asc'],
    ] as const) {
      select.value = key;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      expect(client.$view.get()).to.include({ sort: key, order });
    }
  });
});
