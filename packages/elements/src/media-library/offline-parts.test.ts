// The library's after-paint parts could not load (the page went offline before they came, issue 19):
// what a selection is for says so in a toast and sends nothing, and that toast shows its words without
// the toasts' own module. When the parts load later, Delete asks as usual.
import { expect } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, uniquePrefix, until } from '../test-support/fixtures.js';
import { en } from '../i18n/en.js';
import { bulkModule, toastListModule } from './lazy-modules.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

describe('<media-library> without its after-paint parts', () => {
  let client: MediaClient;
  let el: MediaLibrary;
  const loads = { bulk: bulkModule.load, toasts: toastListModule.load };

  before(async function () {
    this.timeout(30000);
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    const prefix = uniquePrefix('offline-parts');
    await seedLibrary(client, prefix, 2);
    client.setView({ q: prefix });
    const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    bulkModule.load = offline;
    toastListModule.load = offline;
    el = document.createElement('media-library');
    el.client = client;
    el.style.cssText = 'display:flex;height:500px';
    document.body.append(el);
    await until(() => el.items.length === 2, 'the files');
  });

  after(() => {
    bulkModule.load = loads.bulk;
    toastListModule.load = loads.toasts;
    el.remove();
    client.destroy();
  });

  const root = () => el.shadowRoot!;

  it('says it could not load, in a toast of words alone, and deletes nothing', async () => {
    const ids = el.items.map((file) => file.id);
    client.selection.selectAll([ids[0]!]);
    await el.updateComplete;
    // the bar counts the selection at once; its buttons wait for their module
    expect(root().querySelector('[part="selection-bar"]')!.textContent).to.contain('1 selected');
    expect(root().querySelector('[part~="delete-button"]')).to.equal(null);
    el.requestDelete();
    const toast = await until(() => root().querySelector<HTMLElement>('[part~="toast-error"]'), 'a toast');
    expect(toast.textContent!.trim()).to.equal(en.loadError);
    expect(root().querySelector('dialog[open]')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(el.items.map((file) => file.id)).to.deep.equal(ids);
    expect((await client.library.list({ q: client.$view.get().q, limit: 10 })).items).to.have.length(2);
  });

  it('asks as usual once the parts load', async () => {
    bulkModule.load = loads.bulk;
    toastListModule.load = loads.toasts;
    el.requestDelete();
    const dialog = await until(
      () => root().querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"][open]'),
      'the confirmation',
    );
    expect(root().querySelector('[part~="delete-button"]')).not.to.equal(null);
    dialog.querySelector<HTMLButtonElement>('button.text-action')!.click();
    await until(() => !root().querySelector('dialog[open]'), 'closed');
    expect(el.items).to.have.length(2);
  });
});
