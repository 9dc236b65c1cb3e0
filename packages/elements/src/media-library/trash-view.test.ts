import { expect } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { settled, until } from '../test-support/fixtures.js';
import { seededLibrary } from '../test-support/seeded-library.js';

// The toolbar's Trash view lists deleted files, with Restore and Delete forever on a selection.
describe('<media-library> Trash view', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  it('shows the trash, restores from it and deletes forever behind a confirmation', async () => {
    client = createMediaClient({ endpoint: '/api/media' });
    const { el, prefix } = await seededLibrary(client, 'trash', 3);
    const root = el.shadowRoot!;
    const ids = () =>
      [...root.querySelectorAll<HTMLElement>('[part~="item"]')].map((item) => item.dataset.id!);
    const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[part~="${name}"]`);
    await until(() => ids().length === 3, 'library');
    const [kept, doomed] = ids() as [string, string];
    await client.library.remove([kept, doomed]);
    await until(() => ids().length === 1, 'two deleted');

    const toggle = part<HTMLButtonElement>('trash-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await until(() => ids().length === 2 && ids().includes(kept) && ids().includes(doomed), 'the trash');
    expect(part('trash-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    await settled(el);
    await expect(el).to.be.accessible();

    client.selection.selectAll([kept]);
    await el.updateComplete;
    expect(part('tag-button')).to.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>('restore-button')!.click();
    await until(() => ids().length === 1 && ids()[0] === doomed, 'restored out of the trash');
    const library = await client.library.list({ q: prefix });
    expect(library.items.map((f) => f.id)).to.include(kept);

    client.selection.selectAll([doomed]);
    await el.updateComplete;
    part<HTMLButtonElement>('purge-button')!.click();
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"][open]'),
      'confirm',
    );
    expect(dialog.textContent).to.contain('Delete 1 item forever?');
    await settled(el);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => ids().length === 0, 'the trash is empty');
    await until(
      () => root.querySelector('[part~="toast-success"]')?.textContent?.includes('deleted forever'),
      'toast',
    );
    const gone = await fetch(`/api/media/${doomed}`);
    expect(gone.status).to.equal(404);

    part<HTMLButtonElement>('trash-toggle')!.click();
    await until(() => ids().length === 2, 'back to the library');
  });
});
