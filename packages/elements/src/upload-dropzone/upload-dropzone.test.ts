import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { drag, testFile } from '../test-support/fixtures.js';
import type { UploadDropzone } from './upload-dropzone.component.js';
import './upload-dropzone.js';

function fileList(...files: File[]): FileList {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer.files;
}

describe('<upload-dropzone>', () => {
  let client: MediaClient;

  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media' });
  });
  afterEach(() => client.destroy());

  const names = () => Object.values(client.$uploads.get()).map((item) => item.name);

  it('is accessible, with a real, labelled, keyboard-reachable file input', async () => {
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    await expect(el).to.be.accessible();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).to.equal(true);
    expect(input.tabIndex).to.equal(0);
    input.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input);
  });

  it('hands chosen files to client.addFiles and tells the page', async () => {
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    input.files = fileList(testFile('a.png', 'image/png'), testFile('b.mp4', 'video/mp4'));
    const added = oneEvent(el, 'mb-files-added');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const event = await added;
    expect(event.detail.accepted.map((item: UploadItem) => item.name)).to.deep.equal(['a.png', 'b.mp4']);
    expect(names()).to.include.members(['a.png', 'b.mp4']);
    expect(input.value).to.equal('');
  });

  it('reflects drag-active while files hover and hands dropped files to the client', async () => {
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    const files = [testFile('dropped.jpg', 'image/jpeg')];
    base.dispatchEvent(drag('dragenter', files));
    await el.updateComplete;
    expect(el.hasAttribute('drag-active')).to.equal(true);
    expect(el.hasAttribute('drag-reject')).to.equal(false);
    base.dispatchEvent(drag('drop', files));
    await el.updateComplete;
    expect(el.hasAttribute('drag-active')).to.equal(false);
    expect(names()).to.include('dropped.jpg');
  });

  it('reflects drag-reject for types outside accept', async () => {
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone accept="image/*" .client=${client}></upload-dropzone>`,
    );
    el.shadowRoot!.querySelector('[part="base"]')!.dispatchEvent(
      drag('dragenter', [testFile('x.pdf', 'application/pdf')]),
    );
    await el.updateComplete;
    expect(el.hasAttribute('drag-reject')).to.equal(true);
  });

  it('lists the files the client refused, with the reason', async () => {
    const strict = createMediaClient({ endpoint: '/api/media', restrictions: { maxSize: 10 } });
    try {
      const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${strict}></upload-dropzone>`);
      el.addFiles([testFile('huge.bin', 'application/octet-stream', 2048)]);
      await el.updateComplete;
      const list = el.shadowRoot!.querySelector('[part="rejections"]')!;
      expect(list.getAttribute('role')).to.equal('alert');
      expect(list.textContent).to.contain('huge.bin');
      await expect(el).to.be.accessible();
    } finally {
      strict.destroy();
    }
  });

  it('sends nothing while disabled', async () => {
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone disabled .client=${client}></upload-dropzone>`,
    );
    el.addFiles([testFile('nope.png', 'image/png')]);
    expect(names()).not.to.include('nope.png');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!.disabled).to.equal(true);
  });

  it('wraps slotted content as a drop target without its own prompt', async () => {
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone .client=${client}><p>Library goes here</p></upload-dropzone>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.prompt')!.hasAttribute('hidden')).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!.tabIndex).to.equal(-1);
  });

  it('applies its own max-size and max-files before the client sees the files', async () => {
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone max-size="1000" max-files="2" .client=${client}></upload-dropzone>`,
    );
    el.addFiles([
      testFile('small-1.txt', 'text/plain', 10),
      testFile('big.txt', 'text/plain', 5000),
      testFile('small-2.txt', 'text/plain', 10),
      testFile('small-3.txt', 'text/plain', 10),
    ]);
    await el.updateComplete;
    expect(names()).to.include.members(['small-1.txt', 'small-2.txt']);
    expect(names()).not.to.include.members(['big.txt']);
    expect(names()).not.to.include.members(['small-3.txt']);
    const codes = [...el.shadowRoot!.querySelectorAll('[part="rejections"] li')].map((li) =>
      li.getAttribute('data-code'),
    );
    expect(codes).to.deep.equal(['file-too-large', 'too-many-files']);
  });

  it('takes files pasted while focus is inside it', async () => {
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    const clipboardData = new DataTransfer();
    clipboardData.items.add(testFile('pasted.png', 'image/png'));
    const input = el.shadowRoot!.querySelector('input')!;
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, composed: true, cancelable: true }),
    );
    expect(names()).to.include('pasted.png');
  });

  it('gives the reasons in the page language', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><upload-dropzone max-size="10" .client=${client}></upload-dropzone></div>`,
    );
    const el = wrapper.querySelector('upload-dropzone')!;
    el.addFiles([testFile('gros.bin', 'application/octet-stream', 100)]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="rejections"]')!.textContent).to.contain(
      'fichier trop volumineux',
    );
    expect(el.shadowRoot!.querySelector('label.button')!.textContent).to.contain('Choisir des fichiers');
  });

  it('is reached with the Tab key, like any form control', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button>before</button><upload-dropzone .client=${client}></upload-dropzone></div>`,
    );
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const el = wrapper.querySelector('upload-dropzone')!;
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('input[type="file"]'));
  });

  it('stays disabled until it has a client', async () => {
    const el = await fixture<UploadDropzone>(html`<upload-dropzone></upload-dropzone>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.disabled).to.equal(true);
    el.client = client;
    await el.updateComplete;
    expect(input.disabled).to.equal(false);
  });
});
