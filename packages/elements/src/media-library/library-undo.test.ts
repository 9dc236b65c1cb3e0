import { expect } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { settled, until } from '../test-support/fixtures.js';
import { seededLibrary } from '../test-support/seeded-library.js';

// A delete moves files to the trash, and its toast offers Undo, which brings the same files back.
describe('<media-library> undo a delete', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  it('offers Undo in the toast, which restores the files with their ids', async () => {
    client = createMediaClient({ endpoint: '/api/media' });
    const { el, prefix } = await seededLibrary(client, 'undo', 3);
    const root = el.shadowRoot!;
    const ids = () =>
      [...root.querySelectorAll<HTMLElement>('[part~="item"]')].map((item) => item.dataset.id!);
    await until(() => ids().length === 3, 'library');
    const doomed = ids().slice(0, 2);
    client.selection.selectAll(doomed);
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"][open]'),
      'confirm',
    );
    expect(dialog.textContent).to.contain('trash');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => ids().length === 1, 'two items gone', 10000);
    const undo = await until(
      () => root.querySelector<HTMLButtonElement>('[part~="toast-success"] [part="toast-action"]'),
      'Undo',
    );
    expect(undo.textContent?.trim()).to.equal('Undo');
    await settled(el);
    await expect(el).to.be.accessible();
    const trash = await client.library.list({ q: prefix, trashed: true });
    expect(trash.items.map((f) => f.id)).to.have.members(doomed);

    undo.click();
    await until(() => ids().length === 3, 'back in the library', 10000);
    expect(ids()).to.include.members(doomed);
    await until(
      () => root.querySelector('[part~="toast-success"]')?.textContent?.includes('2 items restored'),
      'restored toast',
    );
    expect((await client.library.list({ q: prefix, trashed: true })).items).to.have.length(0);
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
