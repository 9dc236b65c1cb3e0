import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// Toolbar, bulk delete, tagging, preview and the empty/error states, against the real server kit.
describe('<media-library> actions', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  async function library(count: number, options: { fetch?: typeof fetch } = {}) {
    const client = createMediaClient({ endpoint: '/api/media', ...options });
    clients.push(client);
    const prefix = uniquePrefix('act');
    if (count > 0) await seedLibrary(client, prefix, count);
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
    await until(
      () =>
        count === 0
          ? root.querySelector('[part="empty"]:not([role="status"]), [part="empty"]')
          : items().length === count,
      'library',
    );
    return { client, el, root, items, prefix };
  }

  const button = (root: ShadowRoot, part: string) =>
    root.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

  it('filters by search text, typed into the toolbar', async () => {
    const { client, root, items, prefix } = await library(3);
    const input = root.querySelector<HTMLInputElement>('[part="search"] input')!;
    input.value = `${prefix}-2`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => client.$view.get().q === `${prefix}-2`, 'debounced search');
    await until(() => items().length === 1, 'one match');
    expect(items()[0]!.dataset.name).to.equal(`${prefix}-2.png`);
  });

  it('switches to the list and back with the view toggle', async () => {
    const { client, root } = await library(1);
    const [gridButton, listButton] = root.querySelectorAll<HTMLButtonElement>('[part="view-toggle"] button');
    listButton!.click();
    expect(client.$view.get().mode).to.equal('list');
    await until(() => root.querySelector('.items.list'), 'list');
    expect(listButton!.getAttribute('aria-pressed')).to.equal('true');
    gridButton!.click();
    await until(() => root.querySelector('.items.grid'), 'grid');
  });

  it('sorts with the sort select and flips the order with its button', async () => {
    const { client, root, items, prefix } = await library(3);
    button(root, 'sort-order').click();
    await until(() => items()[0]?.dataset.name === `${prefix}-3.png`, 'descending by name');
    const select = root.querySelector<HTMLSelectElement>('[part="sort"]')!;
    select.value = 'size';
    select.dispatchEvent(new Event('change'));
    expect(client.$view.get().sort).to.equal('size');
  });

  it('deletes the selection after confirming, and says so', async () => {
    const { client, el, root, items } = await library(3);
    const doomed = items()
      .slice(0, 2)
      .map((item) => item.dataset.id!);
    client.selection.selectAll(doomed);
    await el.updateComplete;
    button(root, 'delete-button').click();
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"][open]'),
      'confirm',
    );
    await settled(el);
    await expect(el).to.be.accessible();
    expect(dialog.textContent).to.contain('Delete 2 items?');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => items().length === 1, 'two items gone', 10000);
    await until(
      () => root.querySelector('[part~="toast-success"]')?.textContent?.includes('2 items deleted'),
      'toast',
    );
    const listed = await client.library.list({ q: items()[0]!.dataset.name!.split('-')[0] });
    expect(listed.items.map((file) => file.id)).not.to.include.members(doomed);
  });

  it('keeps everything when the confirmation is declined', async () => {
    const { client, el, root, items } = await library(2);
    client.selection.selectAll(items().map((item) => item.dataset.id!));
    await el.updateComplete;
    button(root, 'delete-button').click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[open]'), 'confirm');
    dialog.querySelector<HTMLButtonElement>('.text-action')!.click();
    await el.updateComplete;
    expect(root.querySelector('dialog[open]')).to.equal(null);
    expect(items()).to.have.length(2);
  });

  it('brings the items back with an error toast when the server refuses the delete', async () => {
    // A real client whose network refuses deletes: the server kit is fine, the wire is not.
    const refuseDeletes: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (url.includes('bulk-delete') || method === 'DELETE') {
        return Promise.resolve(
          new Response(JSON.stringify({ error: { code: 'unavailable', message: 'Try later.' } }), {
            status: 503,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      return fetch(input, init);
    };
    const { client, el, root, items } = await library(2, { fetch: refuseDeletes });
    client.selection.selectAll(items().map((item) => item.dataset.id!));
    await el.updateComplete;
    button(root, 'delete-button').click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[open]'), 'confirm');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector('[part~="toast-error"]'), 'error toast', 10000);
    await until(() => items().length === 2, 'items restored');
  });

  it('tags the selection with a name asked in a dialog', async () => {
    const { client, el, root, items } = await library(2);
    const ids = items().map((item) => item.dataset.id!);
    client.selection.selectAll(ids);
    await el.updateComplete;
    button(root, 'tag-button').click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[open]'), 'tag dialog');
    dialog.querySelector<HTMLInputElement>('input[name="value"]')!.value = 'week-1';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector('[part~="toast-success"]'), 'tag toast', 10000);
    for (const id of ids) {
      const file = (await client.library.list({ q: items()[0]!.dataset.name!.split('-')[0] })).items.find(
        (f) => f.id === id,
      );
      expect(file?.tags).to.include('week-1');
    }
  });

  it('opens a preview on double click and renames the file from its details', async () => {
    const { el, root, items } = await library(1);
    const opened: string[] = [];
    el.addEventListener('mb-open', (event) => opened.push(event.detail.file.id));
    items()[0]!
      .querySelector('.card')!
      .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    const dialog = await until(
      () => root.querySelector<HTMLDialogElement>('dialog.preview[open]'),
      'preview',
    );
    expect(opened).to.deep.equal([items()[0]!.dataset.id]);
    expect(dialog.querySelector('img.preview-media')).not.to.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();
    const name = dialog.querySelector<HTMLInputElement>('input[name="name"]')!;
    name.value = `${items()[0]!.dataset.name!.replace('.png', '')}-renamed.png`;
    name.dispatchEvent(new Event('input'));
    await el.updateComplete;
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => items()[0]?.dataset.name?.endsWith('-renamed.png'), 'renamed in the list', 10000);
  });

  it('lets the page replace the preview by canceling mb-open', async () => {
    const { el, root, items } = await library(1);
    el.addEventListener('mb-open', (event) => event.preventDefault());
    items()[0]!
      .querySelector('.card')!
      .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root.querySelector('dialog.preview[open]')).to.equal(null);
  });

  it('says when nothing matches the search', async () => {
    const { root } = await library(0);
    await until(
      () => root.querySelector('[part="empty"]')?.textContent?.includes('Nothing matches'),
      'no matches',
    );
  });

  it('shows an error state with a retry when the library cannot load', async () => {
    const client = createMediaClient({ endpoint: '/api/missing-endpoint' });
    clients.push(client);
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    const state = await until(
      () => el.shadowRoot!.querySelector('[part="empty"][role="alert"]'),
      'error state',
      15000,
    );
    expect(state.textContent).to.contain('could not be loaded');
    expect(state.querySelector('button')!.textContent).to.contain('Try again');
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
