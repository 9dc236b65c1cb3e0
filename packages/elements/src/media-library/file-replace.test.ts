import { expect } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { pngFile, settled, until } from '../test-support/fixtures.js';
import { seededLibrary } from '../test-support/seeded-library.js';

// "Replace file…" in the details pane uploads a corrected version: same id and tags, new bytes.
describe('<media-library> replace a file', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  it('replaces the bytes of the open file, keeping its id, name and tags', async () => {
    client = createMediaClient({ endpoint: '/api/media' });
    const { el } = await seededLibrary(client, 'replace', 1);
    const root = el.shadowRoot!;
    await until(() => el.items.length === 1 && el.items[0]!.status === 'ready', 'library');
    const before = el.items[0]!;
    await client.library.update(before.id, { tags: ['kept'] });
    el.openItem(before);
    const button = await until(
      () => root.querySelector<HTMLButtonElement>('dialog.preview[open] [part="replace-button"]'),
      'pane',
    );
    expect(button.textContent).to.contain('Replace file…');
    await settled(el);
    await expect(el).to.be.accessible();

    const picked = await pngFile('corrected.png', '#d93025', 160);
    const input = root.querySelector<HTMLInputElement>('dialog.preview [part="replace-input"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(picked);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => root.querySelector('[part~="toast-success"]')?.textContent?.includes('Replacing'),
      'toast',
    );
    await until(
      () => el.items[0]?.size === picked.size && el.items[0]?.status === 'ready',
      'new bytes',
      15000,
    );
    expect(el.items).to.have.length(1);
    expect(el.items[0]!.id).to.equal(before.id);
    expect(el.items[0]!.name).to.equal(before.name);
    expect(el.items[0]!.tags).to.deep.equal(['kept']);
  });
});
