import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { drag, testFile, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from '../media-library/media-library.component.js';
import type { UploadDropzone } from './upload-dropzone.component.js';
import './upload-dropzone.js';
import '../media-library/media-library.js';

// `client.$accepting` drives the dropzone and the library's upload controls, against the real server
// kit (users and roles from the test server's `authenticate`, see web-test-runner.config.mjs).
describe('<upload-dropzone> follows client.$accepting', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  function clientAs(user: string, roles: string, maxFiles?: number): MediaClient {
    const client = createMediaClient({
      endpoint: '/api/media',
      headers: () => ({ Authorization: `Bearer test:${user}:${roles}` }),
      // a test's uploads stay its own: no restore from earlier tests, no other tab's queue
      resumeAfterReload: false,
      shareTabs: false,
      ...(maxFiles ? { restrictions: { maxFiles } } : {}),
    });
    clients.push(client);
    return client;
  }

  const partsOf = (el: HTMLElement) => {
    const root = el.shadowRoot!;
    const reason = root.querySelector<HTMLElement>('[part="reason"]')!;
    return {
      input: root.querySelector<HTMLInputElement>('input[type=file]')!,
      reason: () => ({ code: reason.dataset.reason ?? null, text: reason.textContent!.trim() }),
    };
  };

  it('is accessible while refusing, and tells a viewer why', async () => {
    const client = clientAs('vic', 'viewer');
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    await until(() => client.$me.get().status === 'ready', '/me');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const { input, reason } = partsOf(el);
    expect(input.disabled).to.equal(true);
    expect(reason()).to.deep.equal({
      code: 'forbidden',
      text: 'Your role lets you view files, not upload them.',
    });
    expect(input.getAttribute('aria-describedby')).to.equal('reason');
    expect(el.shadowRoot!.querySelector('[part="reason"]')!.getAttribute('role')).to.equal('status');
  });

  it("catches a viewer's dragged files, shows why they are refused, and sends nothing", async () => {
    const client = clientAs('vic', 'viewer');
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone .client=${client}><p>Library goes here</p></upload-dropzone>`,
    );
    await until(() => client.$me.get().status === 'ready', '/me');
    await el.updateComplete;
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    const files = [testFile('nope.png', 'image/png')];
    base.dispatchEvent(drag('dragenter', files));
    await el.updateComplete;
    expect(el.hasAttribute('drag-reject')).to.equal(true);
    const overlay = el.shadowRoot!.querySelector<HTMLElement>('[part="overlay"]')!;
    expect(overlay.hidden).to.equal(false);
    expect(overlay.textContent!.trim()).to.equal('Your role lets you view files, not upload them.');
    const over = drag('dragover', files);
    base.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true, 'the browser does not open the file instead');
    expect(over.dataTransfer!.dropEffect).to.equal('none');
    const drop = drag('drop', files);
    base.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(el.hasAttribute('drag-active')).to.equal(false);
    expect(Object.keys(client.$uploads.get())).to.deep.equal([]);
  });

  it('turns off while the queue is at maxFiles, and on again when an upload leaves it', async () => {
    const client = clientAs('alice', 'editor', 1);
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    await until(() => client.$me.get().status === 'ready', '/me');
    await el.updateComplete;
    const { input, reason } = partsOf(el);
    expect(input.disabled).to.equal(false);
    expect(reason().code).to.equal(null);

    const big = testFile('big.bin', 'application/octet-stream', 8 * 1024 * 1024);
    const [item] = client.addFiles([big]).accepted;
    client.pause(item!.operationId);
    await el.updateComplete;
    expect(input.disabled).to.equal(true);
    expect(reason()).to.deep.equal({
      code: 'max-files',
      text: 'The upload queue is full. Add more files when some have finished.',
    });
    // a drop while full reaches nobody
    el.addFiles([testFile('more.png', 'image/png')]);
    expect(Object.keys(client.$uploads.get())).to.have.length(1);

    client.cancel(item!.operationId);
    await until(() => !input.disabled, 'on again');
    expect(reason().code).to.equal(null);
  });

  it('stays off with the disabled attribute, whatever the client says', async () => {
    const client = clientAs('alice', 'editor');
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone disabled .client=${client}></upload-dropzone>`,
    );
    await until(() => client.$me.get().status === 'ready', '/me');
    await el.updateComplete;
    const { input, reason } = partsOf(el);
    expect(input.disabled).to.equal(true);
    expect(reason().code).to.equal(null, 'no reason to give: the page chose it');
    el.disabled = false;
    await el.updateComplete;
    expect(input.disabled).to.equal(false);
  });

  it("disables the library's Upload button with the reason beside it, and says when the client is gone", async () => {
    const client = clientAs('alice', 'editor', 1);
    client.setView({ q: `none${Date.now()}` });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:500px"></media-library>`,
    );
    const root = el.shadowRoot!;
    const button = await until(
      () => root.querySelector<HTMLButtonElement>('[part="upload-button"]'),
      'upload button',
    );
    const note = root.querySelector<HTMLElement>('[part="upload-note"]')!;
    expect(button.disabled).to.equal(false);
    const [item] = client.addFiles([
      testFile('big.bin', 'application/octet-stream', 8 * 1024 * 1024),
    ]).accepted;
    client.pause(item!.operationId);
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-describedby')).to.equal('upload-note');
    expect(note.dataset.reason).to.equal('max-files');
    expect(note.textContent).to.contain('The upload queue is full.');
    client.destroy();
    await el.updateComplete;
    expect(note.dataset.reason).to.equal('destroyed');
    expect(note.textContent).to.equal('Uploads are closed.');
  });
});
