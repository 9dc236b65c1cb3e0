// The first screen is the listbox before the virtualizer has loaded (issue 19): arrow keys, Space and a
// dragged rectangle work there at once, and focus and a drag in progress carry over to the virtualizer
// when it takes over. The test holds the virtualizer's (real) import back, with real keys and mouse.
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, uniquePrefix, until } from '../test-support/fixtures.js';
import { paramsFromView } from './view-params.js';
import { virtualListModule } from './lazy-modules.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

describe('<media-library> first screen selection', () => {
  let client: MediaClient;
  let el: MediaLibrary;
  let release = () => {};
  const load = virtualListModule.load;

  // one library for both: the virtualizer, once loaded, stays for the page (the second test lets it in)
  before(async function () {
    this.timeout(30000);
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    const prefix = uniquePrefix('first-keys');
    await seedLibrary(client, prefix, 9);
    client.setView({ q: prefix });
    // the library's first page in the cache, as a page that loaded it before would have it
    await client.library.list(paramsFromView(client.$view.get()));
    const held = new Promise<void>((resolve) => (release = resolve));
    virtualListModule.load = () => held.then(load);
    el = document.createElement('media-library');
    el.style.cssText = 'position:fixed;top:0;left:0;display:flex;width:760px;height:560px';
    el.client = client;
    document.body.append(el);
    await until(() => el.shadowRoot!.querySelector('.first-screen [part~="item"]'), 'first screen');
    await frame();
  });

  beforeEach(async () => {
    client.selection.clear();
    listbox().scrollTop = 0; // the keys scrolled the first screen to the item they moved to
    await frame();
  });

  after(async () => {
    virtualListModule.load = load;
    release();
    await resetMouse();
    el.remove();
    client.destroy();
  });

  const root = () => el.shadowRoot!;
  const listbox = () => root().querySelector<HTMLElement>('[part~="items"]')!;
  const item = (index: number) => root().querySelector<HTMLElement>(`[part~="item"][data-index="${index}"]`)!;
  const idsOf = (...indexes: number[]) => indexes.map((index) => el.items[index]!.id);
  /** a render (`updateComplete` would also wait for the virtualizer held back) */
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  it('moves, selects and extends with the keyboard before the virtualizer', async () => {
    expect(root().querySelector('lit-virtualizer')).to.equal(null);
    expect(listbox().getAttribute('tabindex')).to.equal('0');
    expect(listbox().getAttribute('aria-multiselectable')).to.equal('true');
    listbox().focus();
    // a grid of 3 columns: right, then down, lands on the second row's middle item
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await frame();
    expect(el.selectedIds).to.deep.equal(idsOf(4));
    expect(listbox().getAttribute('aria-activedescendant')).to.equal(item(4).id);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ up: 'Shift' });
    await frame();
    expect(el.selectedIds.sort()).to.deep.equal(idsOf(3, 4).sort());
    expect(root().querySelector('lit-virtualizer')).to.equal(null);
  });

  it('selects what a dragged rectangle touches, and the drag and focus carry over to the virtualizer', async () => {
    const box = listbox().getBoundingClientRect();
    const first = item(0).getBoundingClientRect();
    const second = item(1).getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [Math.round(x), Math.round(y)];
    // from the padding above the first row into the first item
    await sendMouse({ type: 'move', position: at(first.left + 4, box.top + 4) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(first.left + 40, first.top + 40) });
    await frame();
    expect(root().querySelector('[part="selection-rect"]')).not.to.equal(null);
    expect(el.selectedIds).to.deep.equal(idsOf(0));
    expect(root().activeElement).to.equal(listbox());
    // the virtualizer takes over in the middle of the drag
    release();
    await until(() => root().querySelector('lit-virtualizer [part~="item"]'), 'virtualized items');
    await el.updateComplete;
    expect(root().activeElement).to.equal(root().querySelector('lit-virtualizer'));
    await sendMouse({ type: 'move', position: at(second.left + 20, first.top + 40) });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.selectedIds.sort()).to.deep.equal(idsOf(0, 1).sort());
    expect(root().querySelector('[part="selection-rect"]')).to.equal(null);
    // the next click is a click again (the drag's own never came)
    const third = item(2).getBoundingClientRect();
    await sendMouse({ type: 'click', position: at(third.left + 40, third.top + 60) });
    await el.updateComplete;
    expect(el.selectedIds).to.deep.equal(idsOf(2));
  });
});
