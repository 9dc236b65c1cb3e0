// The first screen before the virtualizer has loaded (issue 19): files already in the cache render at
// once, each where the virtualizer then puts it (no jump), in the grid and in RTL. The test holds the
// virtualizer's (real) import back until it has looked at the first screen.
import { expect } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, uniquePrefix, until } from '../test-support/fixtures.js';
import { gridCells, gridMetrics } from './first-screen.js';
import { paramsFromView } from './view-params.js';
import { virtualListModule } from './lazy-modules.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

/** each item's box relative to its listbox, by index */
function boxes(el: MediaLibrary): Map<number, { x: number; y: number; width: number; height: number }> {
  const root = el.shadowRoot!;
  const list = root.querySelector<HTMLElement>('[part~="items"]')?.getBoundingClientRect();
  if (!list) return new Map();
  const found = new Map<number, { x: number; y: number; width: number; height: number }>();
  for (const item of root.querySelectorAll<HTMLElement>('[part~="item"]')) {
    const box = item.getBoundingClientRect();
    found.set(Number(item.dataset.index), {
      x: Math.round(box.left - list.left),
      y: Math.round(box.top - list.top),
      width: Math.round(box.width),
      height: Math.round(box.height),
    });
  }
  return found;
}

describe('<media-library> first screen', () => {
  let client: MediaClient;
  let prefix: string;
  before(async function () {
    this.timeout(30000);
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    prefix = uniquePrefix('first');
    await seedLibrary(client, prefix, 14);
    client.setView({ q: prefix });
    // the library's first page in the cache, as a page that loaded it before would have it
    await client.library.list(paramsFromView(client.$view.get()));
  });
  after(() => client.destroy());

  it("matches the virtualizer's grid metrics (flex, preserve height)", () => {
    expect(gridMetrics(760)).to.deep.equal({ columns: 3, itemWidth: 232 });
    // more than half an item left over: one column more, items shrink
    expect(gridMetrics(880)).to.deep.equal({ columns: 4, itemWidth: 200 });
    expect(gridMetrics(100)).to.deep.equal({ columns: 0, itemWidth: 0 });
    const { cells, height } = gridCells(14, { width: 760, height: 500 });
    expect(cells.length).to.equal(9); // 3 rows of 3 reach into a 500 px view
    expect(cells[4]).to.deep.equal({ index: 4, x: 264, y: 244, width: 232 });
    expect(height).to.equal(2 * 16 + 5 * 228 - 16);
  });

  it('shows the cached files before the virtualizer, then the virtualizer keeps every position', async () => {
    document.documentElement.dir = 'rtl';
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = virtualListModule.load;
    virtualListModule.load = () => held.then(load);
    const el = document.createElement('media-library');
    el.style.cssText = 'position:fixed;top:0;left:0;display:flex;width:760px;height:560px';
    el.client = client;
    document.body.append(el);
    try {
      const root = el.shadowRoot!;
      await until(() => boxes(el).size > 0, 'first screen');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(root.querySelector('lit-virtualizer')).to.equal(null);
      const first = boxes(el);
      expect(first.size).to.equal(6); // 2 rows of 3 reach into the view
      // a click selects, a double click opens, before the virtualizer too
      const second = root.querySelector<HTMLElement>('[part~="item"][data-index="1"]')!;
      second.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      expect(el.selectedIds).to.deep.equal([second.dataset.id]);
      second.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      const preview = await until(
        () => root.querySelector<HTMLDialogElement>('dialog.preview[open]'),
        'preview',
      );
      preview.close();
      expect(root.querySelector('lit-virtualizer')).to.equal(null);
      virtualListModule.load = load;
      release();
      expect(root.querySelector('[part~="items"]')!.getAttribute('aria-busy')).to.equal('true');
      await el.updateComplete; // waits for the virtualizer's module too
      await until(() => root.querySelector('lit-virtualizer [part~="item"]'), 'virtualized items');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const later = boxes(el);
      for (const [index, box] of first) expect(later.get(index), `item ${index}`).to.deep.equal(box);
    } finally {
      virtualListModule.load = load;
      release();
      el.remove();
      document.documentElement.dir = '';
    }
  });
});
