import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import type { ListResponse } from '@mediabay/core/protocol';
import { fetchWithoutMe, seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';
import '../upload-dropzone/upload-dropzone.js';

// <media-library> as a viewer and as an editor, against the real server kit (users and roles come
// from the test server's `authenticate`, see web-test-runner.config.mjs).
describe('<media-library> roles', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  function clientAs(user?: string, roles = '', fetchImpl?: typeof fetch): MediaClient {
    const client = createMediaClient({
      endpoint: '/api/media',
      // uploads that earlier test files left in IndexedDB would otherwise come back in the panel,
      // late, and fade in while axe measures
      resumeAfterReload: false,
      ...(user ? { headers: () => ({ Authorization: `Bearer test:${user}:${roles}` }) } : {}),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    clients.push(client);
    return client;
  }

  async function mount(client: MediaClient, prefix: string, count: number) {
    client.setView({ q: prefix });
    client.setView({ sort: 'name' });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    const items = () => [...root.querySelectorAll<HTMLElement>('[part~="item"]')];
    await until(() => items().length === count, 'library');
    await until(() => client.$me.get().status !== 'loading', '/me');
    await el.updateComplete;
    const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
    // booleans, not elements: a failing assertion must not have to serialise a DOM node
    const has = (name: string) => part(name) !== null;
    return { el, root, items, part, has };
  }

  const idOf = (items: HTMLElement[], namePrefix: string) =>
    items.find((item) => item.dataset.name!.startsWith(namePrefix))!.dataset.id!;

  async function addUsage(id: string, usage: { courseId: string; lessonId?: string }) {
    const res = await fetch(`/api/media/${id}/usages`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(usage),
    });
    expect(res.status).to.equal(200);
  }

  it('offers a viewer neither upload nor tag nor delete', async () => {
    const prefix = uniquePrefix('viewer');
    await seedLibrary(clientAs('alice', 'editor'), prefix, 2);
    const viewer = clientAs('vic', 'viewer');
    const { el, items, part, has } = await mount(viewer, prefix, 2);
    expect(has('upload-button')).to.equal(false);
    expect(part('dropzone')!.hasAttribute('disabled')).to.equal(true);
    viewer.selection.selectAll(items().map((item) => item.dataset.id!));
    await el.updateComplete;
    expect(has('selection-bar')).to.equal(true);
    expect(has('tag-button')).to.equal(false);
    expect(has('delete-button')).to.equal(false);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('turns a standalone <upload-dropzone> off for a viewer, not for an editor', async () => {
    for (const [user, roles, off] of [
      ['vic', 'viewer', true],
      ['alice', 'editor', false],
    ] as const) {
      const client = clientAs(user, roles);
      const zone = await fixture(html`<upload-dropzone .client=${client}></upload-dropzone>`);
      await until(() => client.$me.get().status === 'ready', '/me');
      await (zone as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const input = zone.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
      expect(input.disabled).to.equal(off, user);
    }
  });

  it("lets an editor tag and delete their own files, not a colleague's", async () => {
    const prefix = uniquePrefix('editor');
    await seedLibrary(clientAs('alice', 'editor'), `${prefix}a`, 1);
    await seedLibrary(clientAs('erin', 'editor'), `${prefix}e`, 1);
    const alice = clientAs('alice', 'editor');
    const { el, root, items, part, has } = await mount(alice, prefix, 2);
    expect(has('upload-button')).to.equal(true);
    const own = idOf(items(), `${prefix}a`);
    const theirs = idOf(items(), `${prefix}e`);

    alice.selection.selectAll([own, theirs]);
    await el.updateComplete;
    expect(has('tag-button')).to.equal(false);
    expect(has('delete-button')).to.equal(false);

    alice.selection.selectAll([own]);
    await el.updateComplete;
    expect(has('delete-button')).to.equal(true);
    part('tag-button')!.click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[open]'), 'tag dialog');
    dialog.querySelector<HTMLInputElement>('input[name="value"]')!.value = 'Week 2';
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector('[part~="toast-success"]'), 'tag toast', 10000);
    const listed = await alice.library.list({ q: prefix });
    expect(listed.items.find((f) => f.id === own)!.tags).to.deep.equal(['week 2']);
    expect(listed.items.find((f) => f.id === theirs)!.tags).to.deep.equal([]);
  });

  it("shows an editor a colleague's file read-only in the preview, their own editable", async () => {
    const prefix = uniquePrefix('preview');
    await seedLibrary(clientAs('alice', 'editor'), `${prefix}a`, 1);
    await seedLibrary(clientAs('erin', 'editor'), `${prefix}e`, 1);
    const alice = clientAs('alice', 'editor');
    const { root, items } = await mount(alice, prefix, 2);
    const open = async (namePrefix: string) => {
      const item = items().find((i) => i.dataset.name!.startsWith(namePrefix))!;
      item
        .querySelector('.card')!
        .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      const dialog = await until(
        () => root.querySelector<HTMLDialogElement>('dialog.preview[open]:has(input[name="name"])'),
        'preview',
      );
      const state = {
        readonly: dialog.querySelector<HTMLInputElement>('input[name="name"]')!.readOnly,
        tagInput: dialog.querySelector('input[name="tag"]') !== null,
        save: dialog.querySelector('button[type="submit"]') !== null,
      };
      dialog.close();
      // the dialog's `close` event (a task later) empties it: wait, or it would empty the next one
      await until(() => root.querySelector('dialog.preview form') === null, 'closed');
      return state;
    };
    expect(await open(`${prefix}e`)).to.deep.equal({ readonly: true, tagInput: false, save: false });
    expect(await open(`${prefix}a`)).to.deep.equal({ readonly: false, tagInput: true, save: true });
  });

  it('lists the usages in the confirm dialog: an editor is told no, an admin deletes anyway', async () => {
    const prefix = uniquePrefix('used');
    await seedLibrary(clientAs('alice', 'editor'), prefix, 1);
    const alice = clientAs('alice', 'editor');
    const id = (await alice.library.list({ q: prefix })).items[0]!.id;
    await addUsage(id, { courseId: 'c1', lessonId: 'l1' });
    await addUsage(id, { courseId: 'c1', lessonId: 'l2' });

    const editor = await mount(alice, prefix, 1);
    alice.selection.selectAll([id]);
    await editor.el.updateComplete;
    editor.part('delete-button')!.click();
    const refused = await until(() => editor.root.querySelector<HTMLDialogElement>('dialog[open]'), 'dialog');
    expect(refused.textContent).to.contain('Used in 2 lessons:');
    expect(
      [...refused.querySelectorAll('[part~="dialog-list"] li')].map((li) => li.textContent),
    ).to.deep.equal(['c1 · l1', 'c1 · l2']);
    expect(refused.textContent).to.contain('Only an administrator');
    expect(refused.querySelector('.text-action') === null).to.equal(true, 'nothing to cancel');
    await settled(editor.el);
    await expect(editor.el).to.be.accessible();
    refused.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await editor.el.updateComplete;
    expect(editor.items()).to.have.length(1);

    const adminClient = clientAs(); // the open tenant's user is an admin
    const admin = await mount(adminClient, prefix, 1);
    adminClient.selection.selectAll([id]);
    await admin.el.updateComplete;
    admin.part('delete-button')!.click();
    const confirm = await until(() => admin.root.querySelector<HTMLDialogElement>('dialog[open]'), 'confirm');
    expect(confirm.textContent).to.contain('Used in 2 lessons:');
    const submit = confirm.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(submit.textContent!.trim()).to.equal('Delete anyway');
    submit.click();
    await until(() => admin.items().length === 0, 'deleted', 10000);
    const left = (await adminClient.library.list({ q: prefix })) as ListResponse;
    expect(left.items).to.have.length(0);
  });

  it('says so, and restores the item, when the server refuses what the page offered', async () => {
    const prefix = uniquePrefix('refused');
    await seedLibrary(clientAs('erin', 'editor'), prefix, 1);
    const alice = clientAs('alice', 'editor', fetchWithoutMe);
    const { el, root, items, part } = await mount(alice, prefix, 1);
    alice.selection.selectAll([items()[0]!.dataset.id!]);
    await el.updateComplete;
    part('delete-button')!.click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[open]'), 'confirm');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const toast = await until(() => root.querySelector('[part~="toast-error"]'), 'error toast', 10000);
    expect(toast.textContent).to.contain('You are not allowed to do that.');
    await until(() => items().length === 1, 'item restored');
  });
});
