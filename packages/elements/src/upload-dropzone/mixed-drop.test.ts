// A drop of accepted and refused files together (issue 13): the browser must be let to drop (a drag
// marked 'none' drops nothing), the valid files are added and each refused one is listed with why.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { drag, pngFile, settled, testFile, until } from '../test-support/fixtures.js';
import type { UploadDropzone } from './upload-dropzone.component.js';
import type { MediaLibrary } from '../media-library/media-library.component.js';
import './upload-dropzone.js';
import '../media-library/media-library.js';

describe('mixed drops', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({
      endpoint: '/api/media',
      resumeAfterReload: false,
      shareTabs: false,
      restrictions: { maxSize: 50 * 1024 * 1024 },
    });
  });
  afterEach(() => client.destroy());

  const names = () => Object.values(client.$uploads.get()).map((item) => item.name);

  async function mixed(): Promise<File[]> {
    return [
      await pngFile(`mixed-${Date.now()}.png`),
      testFile('notes.pdf', 'application/pdf', 2048),
      testFile('huge.png', 'image/png', 60 * 1024 * 1024),
    ];
  }

  it('lets a mixed drag drop on a dropzone with accept, adds the valid files and lists each refused one', async () => {
    const el = await fixture<UploadDropzone>(
      html`<upload-dropzone accept="image/*" .client=${client}></upload-dropzone>`,
    );
    const files = await mixed();
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    base.dispatchEvent(drag('dragenter', files));
    base.dispatchEvent(drag('dragover', files));
    await el.updateComplete;
    // drag-reject made the dragover answer dropEffect 'none', and the browser then dropped nothing at
    // all (a constructed DataTransfer keeps 'none' whatever is set, so the attribute is what shows it)
    expect(el.hasAttribute('drag-reject')).to.equal(false);
    expect(el.hasAttribute('drag-partial')).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('Some of these files will not be added');
    base.dispatchEvent(drag('drop', files));
    await until(() => el.shadowRoot!.querySelector('[part="rejections"]'), 'rejections listed');
    expect(names()).to.deep.equal([files[0]!.name]);
    const reasons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="rejections"] li')];
    expect(reasons.map((li) => li.dataset.code)).to.deep.equal(['file-type', 'file-too-large']);
    expect(reasons[0]!.textContent).to.contain('notes.pdf');
    expect(reasons[1]!.textContent).to.contain('huge.png');
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('in the library: adds the valid files and shows each refused one with its reason', async () => {
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    const files = await mixed();
    const dropzone = el.shadowRoot!.querySelector<UploadDropzone>('upload-dropzone')!;
    // the library takes drops once it knows the user may upload (`$me`): before, a drop is refused
    await until(
      () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="upload-button"]:not([disabled])'),
      'uploads allowed',
      10000,
    );
    await dropzone.updateComplete;
    expect(dropzone.disabled).to.equal(false);
    const base = dropzone.shadowRoot!.querySelector('[part="base"]')!;
    base.dispatchEvent(drag('dragenter', files));
    base.dispatchEvent(drag('drop', files));
    const list = await until(
      () => dropzone.shadowRoot!.querySelector<HTMLElement>('[part="rejections"]'),
      'rejections listed',
    );
    expect(names()).to.include(files[0]!.name).and.include('notes.pdf');
    expect(names()).not.to.include('huge.png');
    expect(list.checkVisibility()).to.equal(true);
    expect(list.textContent).to.contain('huge.png');
    const box = list.getBoundingClientRect();
    expect(box.height).to.be.above(0);
    expect(box.bottom).to.be.at.most(window.innerHeight + 1);
  });
});
