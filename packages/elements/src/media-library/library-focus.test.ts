// Focus in the library (issue 18): it is never lost to <body> after an action removes the focused
// control, confirm dialogs open on Cancel and read their message, the details pane names and labels
// its controls, and the floating panel never covers the focused grid item.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { seedLibrary, settled, uniquePrefix, uploadItem, until } from '../test-support/fixtures.js';
import { deepActive } from '../shared/focus-keeper.js';
import { keyboardFocus } from '../test-support/a11y.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

describe('<media-library> focus', () => {
  const clients: MediaClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy());
    await setViewport({ width: 800, height: 600 });
  });

  async function library(count: number) {
    const client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    clients.push(client);
    const prefix = uniquePrefix('focus');
    await seedLibrary(client, prefix, count, 'text');
    client.setView({ q: prefix });
    client.setView({ sort: 'name' });
    client.setView({ order: 'asc' });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    const items = () =>
      [...root.querySelectorAll<HTMLElement>('[part~="item"]')].sort(
        (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
      );
    // every file listed; drawn too, but for a list long enough to be virtualized
    const drawn = () => el.items.length === count && (count > 16 || items().length === count);
    await until(drawn, `${count} items`, 10000);
    return { client, el, root, items };
  }

  const notOnBody = (what: string): Promise<Element> =>
    until(() => {
      const active = deepActive();
      return active !== document.body ? active : null;
    }, what);

  it('opens the delete confirmation on Cancel, described by its warning; focus survives the delete', async () => {
    const { client, el, root, items } = await library(2);
    client.selection.selectAll([items()[0]!.dataset.id!]);
    await el.updateComplete;
    const remove = root.querySelector<HTMLButtonElement>('[part~="delete-button"]')!;
    await keyboardFocus(remove);
    remove.click();
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"][open]'),
      'confirm',
    );
    await until(() => root.activeElement?.closest('dialog') === dialog, 'focus in the dialog');
    expect(root.activeElement!.textContent!.trim()).to.equal('Cancel');
    const described = root.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(described.textContent).to.contain('Deleted files go to the trash');
    // a second Enter is harmless: it cancels
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open, 'dialog closed');
    expect(items()).to.have.length(2);

    remove.click();
    const again = await until(
      () => root.querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"][open]'),
      'asked again',
    );
    again.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => items().length === 1, 'deleted', 10000);
    const active = await notOnBody('focus after the delete');
    expect(el.shadowRoot!.contains(active)).to.equal(true);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('keeps focus in the library after "clear selection" and after closing a toast', async () => {
    const { client, el, root, items } = await library(1);
    client.selection.selectAll([items()[0]!.dataset.id!]);
    await el.updateComplete;
    const clear = root.querySelector<HTMLButtonElement>('[part~="clear-selection"]')!;
    await keyboardFocus(clear);
    clear.click();
    await until(() => !clear.isConnected, 'the selection bar gone');
    const active = await notOnBody('focus after clear selection');
    expect(root.contains(active), active.outerHTML.slice(0, 80)).to.equal(true);

    el.notify('Saved.');
    const close = await until(() => root.querySelector<HTMLButtonElement>('[part~="toast"] button'), 'toast');
    await keyboardFocus(close);
    close.click();
    await until(() => !root.querySelector('[part~="toast"]'), 'toast gone');
    const after = await notOnBody('focus after the toast');
    expect(root.contains(after), after.outerHTML.slice(0, 80)).to.equal(true);
  });

  it('names tag buttons "Remove tag …", labels its fields, and keeps focus on removing a tag and saving', async () => {
    const { el, root, items } = await library(1);
    items()[0]!
      .querySelector('.card')!
      .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog.preview[open] form'),
      'details',
    );
    const tagInput = dialog.querySelector<HTMLInputElement>('input[name="tag"]')!;
    // a visible label, not a placeholder
    expect(tagInput.closest('label')!.textContent).to.contain('Tag to add');
    expect(tagInput.placeholder).to.equal('');
    for (const tag of ['alpha', 'beta']) {
      tagInput.value = tag;
      tagInput.dispatchEvent(new Event('change'));
    }
    await el.updateComplete;
    const chipButtons = () => [...dialog.querySelectorAll<HTMLButtonElement>('.chip button')];
    expect(chipButtons().map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Remove tag alpha',
      'Remove tag beta',
    ]);
    await keyboardFocus(chipButtons()[0]!);
    chipButtons()[0]!.click();
    await until(() => chipButtons().length === 1, 'alpha removed');
    await until(() => deepActive() === chipButtons()[0], 'focus on the next chip');

    const save = dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    await keyboardFocus(save);
    save.click();
    await until(() => save.getAttribute('aria-disabled') === 'true', 'saved');
    await settled(el);
    expect(deepActive()).to.equal(save);
    await expect(el).to.be.accessible();
  });

  // Tab comes after the frame in which the virtualizer hears of the wheel's scroll, or in the same
  // task as the scroll, before that frame, as a Tab right after a wheel can (the longer the frames of a
  // busy machine, the likelier): the element read a visible range the virtualizer had not updated yet.
  // With 60 files the scroll goes past every rendered item: the virtualizer's next report decides.
  const scrolls = [
    { tab: 'after the next frame', count: 16 },
    { tab: 'before the next frame', count: 16 },
    { tab: 'before the next frame', count: 60 },
  ] as const;
  for (const { tab, count } of scrolls)
    it(`starts the keyboard at the first item in view after ${count} files were scrolled away (Tab ${tab})`, async () => {
      const { el, root } = await library(count);
      const listbox = root.querySelector<HTMLElement>('[part~="items"]')!;
      await keyboardFocus(listbox);
      await sendKeys({ press: 'ArrowRight' });
      listbox.blur();
      await sendKeys({ press: 'Shift' }); // the keyboard's modality, as Tab would give
      // scrolled with the wheel, not the keyboard
      listbox.scrollTop = listbox.scrollHeight;
      expect(listbox.scrollTop).to.be.above(200);
      if (tab === 'after the next frame') await settled(el);
      listbox.focus();
      expect(root.activeElement).to.equal(listbox);
      const view = listbox.getBoundingClientRect();
      /** the item the grid points at (what a screen reader announces), when it shows in the grid */
      const inView = () => {
        const id = listbox.getAttribute('aria-activedescendant');
        const active = id ? root.querySelector<HTMLElement>(`#${id}`) : null;
        const box = active?.getBoundingClientRect();
        return !!box && box.bottom > view.top && box.top < view.bottom ? active : null;
      };
      const first = await until(inView, 'the active item in view');
      await sendKeys({ press: 'ArrowRight' });
      const next = await until(() => {
        const active = inView();
        return active !== first ? active : null;
      }, 'the next item in view');
      expect(Number(next.dataset.index)).to.equal(Number(first.dataset.index) + 1);
      expect(Number(next.dataset.index)).to.be.above(2);
      expect(root.activeElement).to.equal(listbox);
    });

  it('never lets the upload panel cover the grid item the keyboard is on', async () => {
    await setViewport({ width: 700, height: 560 });
    const { client, el, root, items } = await library(8);
    const upload = uploadItem({ name: 'covering.mp4', progress: 10 });
    mirrorUploads(client, [upload]);
    const panel = root.querySelector('upload-panel')!;
    const card = () => panel.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
    await until(() => !card().hidden, 'panel shown');
    await settled(el);
    const listbox = root.querySelector<HTMLElement>('[part~="items"]')!;
    await keyboardFocus(listbox);
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (let step = 0; step < 8; step++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      await settled(el);
      const active = root.querySelector<HTMLElement>(`#${listbox.getAttribute('aria-activedescendant')}`)!;
      const what = `item ${active.dataset.index}`;
      expect(overlap(active.getBoundingClientRect(), card().getBoundingClientRect()), what).to.equal(false);
    }
    expect(items().length).to.equal(8);
  });
});
