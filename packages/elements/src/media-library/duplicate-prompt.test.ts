import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { pngFile, seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { UploadDropzone } from '../upload-dropzone/upload-dropzone.component.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// Adding a file whose name and size match a library file asks, like Drive: Keep both / Replace / Skip,
// one file at a time, with "apply to all".
describe('<media-library> duplicate prompt', () => {
  let client: MediaClient;
  afterEach(() => client.destroy());

  async function library() {
    client = createMediaClient({ endpoint: '/api/media' });
    const prefix = uniquePrefix('dup');
    await seedLibrary(client, prefix, 2);
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    const root = el.shadowRoot!;
    await until(() => el.items.length === 2, 'library');
    // the same bytes as the seeds (seedLibrary's colours and sizes)
    const again = [
      await pngFile(`${prefix}-1.png`, '#1a73e8', 48),
      await pngFile(`${prefix}-2.png`, '#e8710a', 49),
    ];
    const fresh = await pngFile(`${prefix}-new.png`, '#188038', 50);
    const dialog = () => root.querySelector<HTMLDialogElement>('dialog[part~="duplicate-dialog"][open]');
    const drop = (files: File[]) => root.querySelector<UploadDropzone>('upload-dropzone')!.addFiles(files);
    return { el, root, prefix, again, fresh, dialog, drop };
  }

  const idOf = (el: MediaLibrary, name: string) => el.items.find((f) => f.name === name)?.id;

  it('asks per file: Replace one, Skip the other, and adds the rest', async () => {
    const { el, prefix, again, fresh, dialog, drop } = await library();
    const firstId = idOf(el, `${prefix}-1.png`)!;
    drop([...again, fresh]);
    const first = await until(dialog, 'the prompt');
    expect(first.textContent).to.contain(`${prefix}-1.png`);
    expect(first.querySelector('input[name="all"]')).to.not.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();
    first.querySelector<HTMLButtonElement>('[part="duplicate-replace"]')!.click();
    const second = await until(
      () => (dialog()?.textContent?.includes(`${prefix}-2.png`) ? dialog() : null),
      'second',
    );
    expect(second!.querySelector('input[name="all"]')).to.equal(null);
    second!.querySelector<HTMLButtonElement>('[part="duplicate-skip"]')!.click();
    await until(
      () => el.items.some((f) => f.name === `${prefix}-new.png` && f.status === 'ready'),
      'fresh added',
      15000,
    );
    const uploads = Object.values(client.$uploads.get());
    const replacing = uploads.filter((item) => item.replaceFileId === firstId);
    expect(replacing).to.have.length(1);
    await until(
      () => client.$uploads.get()[replacing[0]!.operationId]?.status === 'ready',
      'replaced',
      15000,
    );
    expect(uploads.filter((item) => item.name === `${prefix}-2.png` && item.replaceFileId)).to.have.length(0);
    expect(el.items.filter((f) => f.name.startsWith(prefix))).to.have.length(3);
    expect(idOf(el, `${prefix}-1.png`)).to.equal(firstId);
    expect(dialog()).to.equal(null);
  });

  it('keeps both for all duplicates when asked once with "apply to all"', async () => {
    const { el, prefix, again, dialog, drop } = await library();
    drop(again);
    const first = await until(dialog, 'the prompt');
    first.querySelector<HTMLInputElement>('input[name="all"]')!.checked = true;
    first.querySelector<HTMLButtonElement>('[part="duplicate-keep"]')!.click();
    await until(
      () => el.items.filter((f) => f.name.startsWith(prefix) && f.status === 'ready').length === 4,
      'four',
      15000,
    );
    expect(dialog()).to.equal(null);
  });
});
