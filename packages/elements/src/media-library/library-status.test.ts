// The library's header notes (issue 13): the button that brings the upload panel back while uploads
// exist, and "Live updates paused" while the socket is down and the client polls.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { settled, testFile, uploadItem, until } from '../test-support/fixtures.js';
import { deepActive } from '../shared/focus-keeper.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

/** A real WebSocket sent to a port where nothing listens: the socket never opens. */
class UnreachableSocket extends WebSocket {
  constructor(_url: string | URL, protocols?: string | string[]) {
    super('ws://127.0.0.1:9/events', protocols);
  }
}

describe('<media-library> header notes', () => {
  const clients: MediaClient[] = [];
  const make = (extra: Parameters<typeof createMediaClient>[0] | object = {}) => {
    const client = createMediaClient({
      endpoint: '/api/media',
      resumeAfterReload: false,
      shareTabs: false,
      ...extra,
    });
    clients.push(client);
    return client;
  };
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  const part = (el: MediaLibrary, name: string) =>
    el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const panelOf = (el: MediaLibrary) => el.shadowRoot!.querySelector('upload-panel')!;

  it('offers a button that brings a closed upload panel back while uploads exist', async () => {
    const client = make();
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    expect(part(el, 'uploads-button')).to.equal(null);
    const item = uploadItem({ name: 'lecture.mp4', progress: 20 });
    mirrorUploads(client, [item]);
    const button = await until(() => part(el, 'uploads-button'), 'uploads button');
    expect(button.textContent).to.contain('Uploads (1)');

    const panel = panelOf(el);
    // the panel's card loads with the first upload
    const close = await until(
      () => panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]'),
      'panel card',
    );
    close.focus();
    close.click();
    await until(() => panel.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!.hidden, 'panel closed');
    // focus is not lost with the panel: it goes to the button that brings it back
    await until(() => deepActive() === button, 'focus on the uploads button');

    button.click();
    await until(() => !panel.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!.hidden, 'panel back');
    await until(() => panel.shadowRoot!.activeElement, 'focus in the panel');
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('says "Live updates paused" while its socket is down, and nothing while it is live', async () => {
    const blocked = make({ WebSocket: UnreachableSocket });
    const el = await fixture<MediaLibrary>(html`<media-library .client=${blocked}></media-library>`);
    const note = await until(
      () => (part(el, 'live-note')?.dataset.live === 'polling' ? part(el, 'live-note') : null),
      'polling note',
      10000,
    );
    expect(note.textContent!.trim()).to.equal('Live updates paused');
    expect(note.getAttribute('role')).to.equal('status');
    expect(note.getBoundingClientRect().width).to.be.above(20);
    await settled(el);
    await expect(el).to.be.accessible();

    const open = make();
    const live = await fixture<MediaLibrary>(html`<media-library .client=${open}></media-library>`);
    await until(() => part(live, 'live-note')?.dataset.live === 'live', 'live', 10000);
    expect(part(live, 'live-note')!.textContent!.trim()).to.equal('');
  });

  it('on a plain tus server says once that there is no library, never "Live updates paused"', async () => {
    // the bytes go to a tus endpoint; nothing of ours answers at `endpoint` (the dev server's 404s)
    const client = make({ endpoint: '/no-library-here', uploadEndpoint: '/api/media/uploads' });
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    client.addFiles([testFile('plain.txt', 'text/plain', 2048)]);
    const toast = await until(() => part(el, 'toast-info'), 'the note', 15000);
    expect(toast.textContent).to.contain('has no media library');
    // the client polls now (its socket never opens) but says nothing about paused updates
    await until(() => client.$live.get() === 'polling', 'polling', 10000);
    await el.updateComplete;
    const note = part(el, 'live-note')!;
    expect(note.dataset.live).to.equal('missing');
    expect(note.textContent!.trim()).to.equal('');
    expect(el.shadowRoot!.querySelectorAll('[part~="toast-info"]')).to.have.length(1);
    await settled(el);
    await expect(el).to.be.accessible();

    // a library attached to that client afterwards knows too (and says nothing more)
    const later = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await until(() => client.$live.get() === 'polling' && part(later, 'live-note'), 'the later note');
    expect(part(later, 'live-note')!.dataset.live).to.equal('missing');
    expect(part(later, 'live-note')!.textContent!.trim()).to.equal('');
    expect(part(later, 'toast-info')).to.equal(null);
  });
});
