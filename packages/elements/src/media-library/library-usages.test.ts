import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import {
  fetchWithoutMe,
  pngFile,
  seedLibrary,
  settled,
  uniquePrefix,
  until,
} from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// The details pane's "Used in" field against the real server kit: an editor adds and removes usages,
// a viewer reads them, another user's changes arrive live, and a refusal puts the list back with a toast.
describe('<media-library> usages in the details pane', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  function clientAs(user: string, roles: string, fetchImpl?: typeof fetch): MediaClient {
    const client = createMediaClient({
      endpoint: '/api/media',
      headers: () => ({ Authorization: `Bearer test:${user}:${roles}` }),
      resumeAfterReload: false,
      shareTabs: false,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    clients.push(client);
    return client;
  }

  /** seeds one file, opens it in the preview of a library mounted for `client` */
  async function openDetails(client: MediaClient, prefix: string) {
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    await until(() => el.items.length === 1 && client.$me.get().status !== 'loading', 'library');
    el.openItem(el.items[0]!);
    const pane = await until(
      () => root.querySelector<HTMLElement>('dialog.preview[open] [part="usages"]'),
      'pane',
    );
    await until(() => !pane.textContent!.includes('Loading'), 'usages loaded');
    const q = <T extends Element>(selector: string) => root.querySelector<T>(`dialog.preview ${selector}`);
    return {
      el,
      root,
      id: el.items[0]!.id,
      listed: () =>
        [...root.querySelectorAll('dialog.preview .usages li')].map((li) => li.textContent!.trim()),
      q,
      add: (courseId: string, lessonId = '') => {
        q<HTMLInputElement>('input[name="courseId"]')!.value = courseId;
        q<HTMLInputElement>('input[name="lessonId"]')!.value = lessonId;
        q<HTMLButtonElement>('.usage-add button')!.click();
      },
    };
  }

  /** waits until the server lists `count` usages of the file (its answer comes after the optimistic list) */
  async function serverHas(client: MediaClient, id: string, count: number): Promise<void> {
    const deadline = performance.now() + 5000;
    while ((await client.library.usages(id)).length !== count) {
      if (performance.now() > deadline) throw new Error(`the server never listed ${count} usages`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const addUsage = (id: string, usage: { courseId: string; lessonId?: string }) =>
    fetch(`/api/media/${id}/usages`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(usage),
    });

  it('is accessible with the usage form open, and lets an editor add and remove usages', async () => {
    const prefix = uniquePrefix('usage');
    const alice = clientAs('alice', 'editor');
    await seedLibrary(alice, prefix, 1);
    const pane = await openDetails(alice, prefix);
    await settled(pane.el);
    await expect(pane.el).to.be.accessible();
    expect(pane.listed()).to.deep.equal([]);
    expect(pane.q('[part="usages"]')!.textContent).to.contain('Not used in any course yet');

    pane.add('course-1', 'lesson-2');
    await pane.el.updateComplete;
    expect(pane.listed()).to.deep.equal(['course-1 · lesson-2'], 'shown at once');
    pane.add('course-9');
    await until(() => pane.listed().length === 2, 'second usage');
    await serverHas(alice, pane.id, 2);
    expect(await alice.library.usages(pane.id)).to.deep.equal([
      { courseId: 'course-1', lessonId: 'lesson-2' },
      { courseId: 'course-9' },
    ]);

    const remove = pane.q<HTMLButtonElement>('button[aria-label="Remove usage course-1 · lesson-2"]')!;
    remove.click();
    await pane.el.updateComplete;
    expect(pane.listed()).to.deep.equal(['course-9']);
    await serverHas(alice, pane.id, 1);
  });

  it('shows a viewer the usages read-only', async () => {
    const prefix = uniquePrefix('usageview');
    await seedLibrary(clientAs('alice', 'editor'), prefix, 1);
    const vic = clientAs('vic', 'viewer');
    const id = (await vic.library.list({ q: prefix })).items[0]!.id;
    expect((await addUsage(id, { courseId: 'c1', lessonId: 'l1' })).status).to.equal(200);
    const pane = await openDetails(vic, prefix);
    expect(pane.listed()).to.deep.equal(['c1 · l1']);
    expect(pane.q('.usages button')).to.equal(null);
    expect(pane.q('[part="usage-add"]')).to.equal(null);
  });

  it("shows another user's usage changes live in an open pane", async () => {
    const prefix = uniquePrefix('usagelive');
    const alice = clientAs('alice', 'editor');
    await seedLibrary(alice, prefix, 1);
    const pane = await openDetails(alice, prefix);
    expect(pane.listed()).to.deep.equal([]);
    // the test's own requests are another user (the demo tenant's admin): alice hears them on her socket
    expect((await addUsage(pane.id, { courseId: 'c3', lessonId: 'l4' })).status).to.equal(200);
    await until(() => pane.listed().length === 1, 'usage added elsewhere');
    expect(pane.listed()).to.deep.equal(['c3 · l4']);
    const removed = await fetch(`/api/media/${pane.id}/usages`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ courseId: 'c3', lessonId: 'l4' }),
    });
    expect(removed.status).to.equal(200);
    await until(() => pane.listed().length === 0, 'usage removed elsewhere');
    expect(pane.q('[part="usages"]')!.textContent).to.contain('Not used in any course yet');
  });

  it("follows an upload's entry to its server file, and offers usages once the file is there", async () => {
    const prefix = uniquePrefix('usageupload');
    // the upload waits for this validator: its entry stays the optimistic one until the test lets it go
    let release!: (message: string | null) => void;
    const validated = new Promise<string | null>((resolve) => (release = resolve));
    const alice = createMediaClient({
      endpoint: '/api/media',
      headers: () => ({ Authorization: 'Bearer test:alice:editor' }),
      resumeAfterReload: false,
      shareTabs: false,
      validators: [() => validated],
    });
    clients.push(alice);
    alice.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${alice} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    await until(() => alice.$me.get().status !== 'loading', 'me');
    const [upload] = alice.addFiles([await pngFile(`${prefix}-1.png`)]).accepted;
    const operationId = upload!.operationId;
    const entry = await until(() => el.items.find((file) => file.operationId === operationId), 'entry');
    expect(entry.id).to.equal(operationId, 'the optimistic entry');
    el.openItem(entry);
    const usages = await until(() => root.querySelector('dialog.preview[open] [part="usages"]'), 'pane');
    expect(usages.querySelector('[part="usage-add"]')).to.equal(
      null,
      'nothing on the server to attach to yet',
    );

    release(null);
    const form = await until(() => usages.querySelector('[part="usage-add"]'), 'the server file');
    const fileId = el.items.find((file) => file.operationId === operationId)!.id;
    expect(fileId).to.not.equal(operationId);
    form.querySelector<HTMLInputElement>('input[name="courseId"]')!.value = 'c5';
    form.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => usages.querySelector('.usages li'), 'usage listed');
    await serverHas(alice, fileId, 1);
  });

  it('puts the list back and says so when the server refuses', async () => {
    const prefix = uniquePrefix('usagerefused');
    await seedLibrary(clientAs('alice', 'editor'), prefix, 1);
    const vic = clientAs('vic', 'viewer', fetchWithoutMe);
    const pane = await openDetails(vic, prefix);
    pane.add('c7');
    await pane.el.updateComplete;
    expect(pane.listed()).to.deep.equal(['c7'], 'optimistic');
    const toast = await until(() => pane.root.querySelector('[part~="toast-error"]'), 'error toast', 10000);
    expect(toast.textContent).to.contain('Could not change where the file is used.');
    expect(pane.listed()).to.deep.equal([]);
    expect(await vic.library.usages(pane.id)).to.deep.equal([]);
  });
});
