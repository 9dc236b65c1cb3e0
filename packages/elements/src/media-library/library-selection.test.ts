import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mediaFile, seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import { paramsFromView } from './view-params.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// Selection through the public surface (aria-selected, data-id) against the real server kit.
describe('<media-library> selection', () => {
  let client: MediaClient;
  let el: MediaLibrary;
  const COUNT = 6;

  beforeEach(async () => {
    client = createMediaClient({ endpoint: '/api/media' });
    const prefix = uniquePrefix('sel');
    await seedLibrary(client, prefix, COUNT);
    client.setView({ q: prefix });
    client.setView({ sort: 'name' });
    client.setView({ order: 'asc' });
    el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    await until(
      () => items().length === COUNT && items().every((item) => item.dataset.status === 'ready'),
      'items',
    );
  });
  afterEach(() => client.destroy());

  const root = () => el.shadowRoot!;
  const listbox = () => root().querySelector<HTMLElement>('[role="listbox"]')!;
  const items = () =>
    [...root().querySelectorAll<HTMLElement>('[part~="item"]')].sort(
      (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
    );
  const selected = () =>
    items()
      .filter((item) => item.getAttribute('aria-selected') === 'true')
      .map((i) => i.dataset.index);
  const click = (index: number, init: MouseEventInit = {}) => {
    const item = items()[index]!;
    item
      .querySelector('.card, .row')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...init }));
  };
  const key = (key: string, init: KeyboardEventInit = {}) =>
    listbox().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
  const settle = async () => {
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  };

  it('is accessible with a selection', async () => {
    click(1);
    await settle();
    // the panel with the seeded uploads is still fading in: axe would measure its colours mid-fade
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('selects one item on click, a range with Shift, and toggles with Ctrl/Cmd', async () => {
    click(1);
    await settle();
    expect(selected()).to.deep.equal(['1']);
    click(4, { shiftKey: true });
    await settle();
    expect(selected()).to.deep.equal(['1', '2', '3', '4']);
    click(3, { ctrlKey: true });
    await settle();
    expect(selected()).to.deep.equal(['1', '2', '4']);
    click(3, { metaKey: true });
    await settle();
    expect(selected()).to.deep.equal(['1', '2', '3', '4']);
    click(0);
    await settle();
    expect(selected()).to.deep.equal(['0']);
  });

  it('moves with the arrow keys, toggles with Space, selects all with Ctrl+A and clears with Escape', async () => {
    listbox().focus();
    key('ArrowRight');
    key('ArrowRight');
    await settle();
    const activeId = listbox().getAttribute('aria-activedescendant')!;
    expect(root().getElementById(activeId)!.dataset.index).to.equal('2');
    key(' ');
    await settle();
    expect(selected()).to.deep.equal(['2']);
    key('ArrowRight', { shiftKey: true });
    await settle();
    expect(selected()).to.deep.equal(['2', '3']);
    key('a', { ctrlKey: true });
    await settle();
    expect(selected()).to.have.length(COUNT);
    expect(root().querySelector<HTMLInputElement>('[part="select-all"]')!.checked).to.equal(true);
    key('Escape');
    await settle();
    expect(selected()).to.deep.equal([]);
  });

  it('selects what a dragged rectangle touches', async () => {
    const box = listbox().getBoundingClientRect();
    const first = items()[0]!.getBoundingClientRect();
    const second = items()[1]!.getBoundingClientRect();
    const pointer = (type: string, x: number, y: number) =>
      listbox().dispatchEvent(
        new PointerEvent(type, {
          clientX: x,
          clientY: y,
          bubbles: true,
          composed: true,
          pointerId: 7,
          button: 0,
          pointerType: 'mouse',
        }),
      );
    // From the padding above the first row, across the first two items.
    pointer('pointerdown', first.left + 4, box.top + 4);
    pointer('pointermove', second.left + 20, first.top + 40);
    await settle();
    expect(root().querySelector('[part="selection-rect"]')).not.to.equal(null);
    pointer('pointerup', second.left + 20, first.top + 40);
    listbox().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    expect(selected()).to.deep.equal(['0', '1']);
    expect(root().querySelector('[part="selection-rect"]')).to.equal(null);
  });

  it('tells the page when the selection changes', async () => {
    const changes: string[][] = [];
    el.addEventListener('mb-selection-change', (event) => changes.push(event.detail.ids));
    click(2);
    await settle();
    expect(changes.at(-1)).to.deep.equal([items()[2]!.dataset.id]);
  });
});

describe('<media-library> drag rectangle with auto-scroll', () => {
  let client: MediaClient;
  afterEach(async () => {
    await resetMouse();
    client.destroy();
  });

  it('keeps selecting while the list scrolls under a rectangle held at the bottom edge', async () => {
    client = createMediaClient({ endpoint: '/api/media' });
    // A search only these files match: the page's IndexedDB and the test server are shared with the
    // other test files, whose unfinished uploads the client restores into the list and whose files'
    // server events it inserts; under an empty search they came in at the top, at any moment.
    const q = uniquePrefix('rect');
    client.setView({ q: q });
    const files = Array.from({ length: 120 }, (_, i) =>
      mediaFile({ id: `rect_${i}`, name: `${q}-${i}.mp4` }),
    );
    await client.ready;
    client.queryClient.setQueryData(['media-files', paramsFromView(client.$view.get())], {
      items: files,
      nextCursor: null,
      total: files.length,
    });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:560px"></media-library>`,
    );
    const listbox = await until(
      () => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]'),
      'listbox',
    );
    await until(() => listbox.querySelector('[data-index="0"]'), 'first item');
    // The toolbar grows when its tag filter appears (once the tags of other test files' uploads
    // arrive): measure after that, and once the list has kept its place for a few frames, or a press
    // meant for the list's top edge lands on the toolbar.
    if ((await client.library.tags()).length > 0)
      await until(() => el.shadowRoot!.querySelector('[part="tag-filter"]'), 'the tag filter');
    let top = NaN;
    let still = 0;
    await until(() => {
      const now = listbox.getBoundingClientRect().top;
      still = now === top ? still + 1 : 0;
      top = now;
      return still >= 10;
    }, 'a settled layout');
    const box = listbox.getBoundingClientRect();
    const rendered = [...listbox.querySelectorAll<HTMLElement>('[data-index]')];
    const first = rendered.find((item) => item.dataset.index === '0')!.getBoundingClientRect();
    const columns = rendered.filter(
      (item) => Math.round(item.getBoundingClientRect().top) === Math.round(first.top),
    ).length;
    const lastVisible = Math.max(
      ...rendered
        .filter((item) => item.getBoundingClientRect().top < box.bottom)
        .map((item) => Number(item.dataset.index)),
    );

    await sendMouse({ type: 'move', position: [Math.round(first.left + 20), Math.round(box.top + 6)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(first.left + 60), Math.round(box.bottom - 4)] });
    await until(() => listbox.scrollTop > 700, 'auto-scroll', 8000);
    await sendMouse({ type: 'up' });

    const indices = [...client.$selection.get()].map((id) => Number(id.split('_')[1]));
    expect(indices).to.include(0);
    // items that were below the fold when the drag began are selected too
    expect(Math.max(...indices)).to.be.above(lastVisible);
    // and only the first column: the rectangle never reached the second one
    expect(indices.every((index) => index % columns === 0)).to.equal(true);
  });
});
