import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import { en } from '../i18n/en.js';
import './media-library.js';

// Admins get an Activity view of the audit log: filter by action and user, page with Load more.
describe('<media-library> Activity view', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  async function library(headers?: Record<string, string>) {
    const client = createMediaClient({
      endpoint: '/api/media',
      ...(headers ? { headers: () => headers } : {}),
    });
    clients.push(client);
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    await until(() => client.$me.get().status !== 'loading', '$me');
    await el.updateComplete;
    return { client, el, root: el.shadowRoot! };
  }

  it('lists who did what, filters by action and user, and pages', async () => {
    const { client, el, root } = await library();
    const prefix = uniquePrefix('activity');
    await seedLibrary(client, prefix, 2);
    const files = (await client.library.list({ q: prefix })).items;
    await client.library.remove([files[0]!.id]);
    const button = await until(
      () => root.querySelector<HTMLButtonElement>('[part="activity-button"]'),
      'Activity',
    );
    button.click();
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog[part~="activity-dialog"][open]'),
      'dialog',
    );
    const rows = () => [...dialog.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    await until(() => rows().length > 0, 'entries');
    await settled(el);
    await expect(el).to.be.accessible();

    const action = dialog.querySelector<HTMLSelectElement>('select[name="action"]')!;
    action.value = 'file.trashed';
    action.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => rows().length > 0 && rows().every((r) => r.dataset.action === 'file.trashed'),
      'trashed only',
    );
    expect(rows().some((r) => r.textContent!.includes(files[0]!.name))).to.equal(true);
    expect(rows()[0]!.textContent).to.contain('Moved to the trash');

    // every action has its label, the upload's start too (not the raw `upload.created`)
    action.value = 'upload.created';
    action.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => rows().length > 0 && rows().every((r) => r.dataset.action === 'upload.created'),
      'created only',
    );
    expect(rows()[0]!.textContent).to.contain('Upload started').and.not.contain('upload.created');
    expect(action.options.length).to.equal(Object.keys(en.auditAction).length + 1);

    const user = dialog.querySelector<HTMLInputElement>('input[name="userId"]')!;
    user.value = 'nobody-at-all';
    user.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => dialog.textContent!.includes('No activity matches.'), 'empty');
    await settled(el);
    await expect(el).to.be.accessible();

    user.value = '';
    user.dispatchEvent(new Event('change', { bubbles: true }));
    action.value = '';
    action.dispatchEvent(new Event('change', { bubbles: true }));
    // more than one page of entries: tag changes are audited one each
    for (let i = 0; i < 55; i++) await client.library.update(files[1]!.id, { tags: [`t${i}`] });
    user.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => rows().length === 50, 'one page');
    const more = await until(
      () => dialog.querySelector<HTMLButtonElement>('[part="activity-more"]'),
      'Load more',
    );
    more.click();
    await until(() => rows().length > 50, 'the next page');
  });

  it('is not offered to editors', async () => {
    const { root } = await library({ Authorization: 'Bearer test:erin:editor' });
    expect(root.querySelector('[part="activity-button"]')).to.equal(null);
  });
});
