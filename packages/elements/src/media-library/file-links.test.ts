import { expect } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { settled, until } from '../test-support/fixtures.js';
import { seededLibrary } from '../test-support/seeded-library.js';

// The details pane offers Download (an attachment under the file's name) and Copy link.
describe('<media-library> download and copy link', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  it('downloads the file as an attachment and copies its link', async () => {
    client = createMediaClient({ endpoint: '/api/media' });
    const { el } = await seededLibrary(client, 'links', 1);
    const root = el.shadowRoot!;
    await until(() => el.items.length === 1 && el.items[0]!.status === 'ready', 'library');
    const file = el.items[0]!;
    el.openItem(file);
    const download = await until(
      () => root.querySelector<HTMLAnchorElement>('dialog.preview[open] [part="download"]'),
      'pane',
    );
    await settled(el);
    await expect(el).to.be.accessible();

    const href = new URL(download.href);
    expect(href.pathname).to.equal(`/api/media/${file.id}/content`);
    expect(href.searchParams.get('download')).to.equal('1');
    expect(download.getAttribute('download')).to.equal(file.name);
    const res = await fetch(download.href);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-disposition')).to.match(/^attachment; filename=".*"; filename\*=UTF-8''/);
    expect(res.headers.get('content-disposition')).to.contain(encodeURIComponent(file.name));

    root.querySelector<HTMLButtonElement>('dialog.preview [part="copy-link"]')!.click();
    const toast = await until(() => root.querySelector('[part~="toast"]'), 'toast');
    // the page may or may not be allowed to write the clipboard; either way the user is told
    if (toast.matches('[part~="toast-success"]')) {
      expect(toast.textContent).to.contain('Link copied');
      expect(await navigator.clipboard.readText()).to.equal(new URL(file.contentUrl, location.href).href);
    } else {
      expect(toast.textContent).to.contain('Could not copy the link.');
    }
  });
});
