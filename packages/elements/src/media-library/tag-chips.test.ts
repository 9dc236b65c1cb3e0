import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// Tags you can see and find: chips on cards and rows, a toolbar tag filter with counts, a chip click
// filters by its tag, and the search matches tags too.
describe('<media-library> tags', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  async function library() {
    client = createMediaClient({ endpoint: '/api/media' });
    const prefix = uniquePrefix('tags');
    await seedLibrary(client, prefix, 3);
    const files = (await client.library.list({ q: prefix, sort: 'name', order: 'asc' })).items;
    const [a, b] = [`${prefix}a`, `${prefix}b`];
    await client.library.update(files[0]!.id, { tags: [a, b, `${prefix}c`] });
    await client.library.update(files[1]!.id, { tags: [b] });
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    const names = () =>
      [...root.querySelectorAll<HTMLElement>('[part~="item"]')].map((i) => i.dataset.name!).sort();
    await until(() => names().length === 3, 'library');
    return { el, root, names, files, prefix, a, b };
  }

  it('shows the first tags as chips, filters by a chip and by the toolbar filter', async () => {
    const { el, root, names, files, prefix, a, b } = await library();
    const chipsOf = (id: string) =>
      [...root.querySelectorAll<HTMLElement>(`[data-id="${id}"] [part="tag-chip"]`)].map(
        (c) => c.dataset.tag,
      );
    await until(() => chipsOf(files[0]!.id).length === 2, 'chips');
    expect(chipsOf(files[0]!.id)).to.deep.equal([a, b]);
    expect(root.querySelector(`[data-id="${files[0]!.id}"] .tag-chip.more`)?.textContent).to.equal('+1');
    await settled(el);
    await expect(el).to.be.accessible();

    const filter = await until(
      () => root.querySelector<HTMLSelectElement>('[part="tag-filter"]'),
      'tag filter',
    );
    await until(() => [...filter.options].some((o) => o.value === b && o.text === `${b} (2)`), 'counts');
    filter.value = b;
    filter.dispatchEvent(new Event('change', { bubbles: true }));
    expect(client.$view.get().tag).to.equal(b);
    await until(() => names().length === 2, 'two with the tag');
    await settled(el);
    await expect(el).to.be.accessible();

    client.setView({ tag: '' });
    await until(() => names().length === 3, 'all again');
    root
      .querySelector<HTMLElement>(`[data-id="${files[0]!.id}"] [part="tag-chip"][data-tag="${a}"]`)!
      .click();
    expect(client.$view.get().tag).to.equal(a);
    await until(() => names().join() === files[0]!.name, 'one with the chip tag');

    client.setView({ tag: '' });
    client.setView({ mode: 'list' });
    await until(() => chipsOf(files[1]!.id).join() === b, 'chips in the list');
    client.setView({ q: `${prefix}c` });
    await until(() => names().join() === files[0]!.name, 'search matches tags');
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
