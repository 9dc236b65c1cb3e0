// Forced colors (Windows-style high contrast, issue 18): backgrounds and box-shadows are dropped, so
// focus rings, selection, the pressed view button, progress and the panel's edge must be drawn with
// outlines, borders and system colours. Screenshots of each control focused vs blurred must differ.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { seedLibrary, settled, uniquePrefix, uploadItem, until } from '../test-support/fixtures.js';
import { focusShows, forcedColors, keyboardFocus, shot } from '../test-support/a11y.js';
import type { UploadPanel } from '../upload-panel/upload-panel.component.js';
import type { MediaLibrary } from '../media-library/media-library.component.js';
import type { UploadDropzone } from '../upload-dropzone/upload-dropzone.component.js';
import '../upload-panel/upload-panel.js';
import '../upload-dropzone/upload-dropzone.js';
import '../media-library/media-library.js';

describe('forced colors', () => {
  let client: MediaClient;
  before(() => forcedColors(true));
  after(() => forcedColors(false));
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(() => client.destroy());

  it('is really on', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('shows the focus of every kind of panel control', async () => {
    const failed = uploadItem({
      name: 'failed.mp4',
      status: 'error',
      error: { code: 'network', message: 'x', retryable: true },
    });
    const moving = uploadItem({ name: 'moving.mp4', progress: 40, bytesUploaded: 8e6 });
    mirrorUploads(client, [failed, moving]);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    await until(() => el.shadowRoot!.querySelectorAll('[part~="row"]').length === 2, 'rows');
    await settled(el);
    const q = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
    for (const selector of [
      '[part~="row-retry"]',
      '[part~="retry-all"]',
      '[part~="minimize-button"]',
      '.list',
    ])
      expect(await focusShows(q(selector)), selector).to.equal(true);
    // the panel's edge and the progress bars stay visible: a border, not a shadow and a tint
    expect(getComputedStyle(q('[part="panel"]')).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(q('[part~="row-progress"]')).borderTopStyle).to.equal('solid');
  });

  it("shows the focus of the dropzone's Choose files button", async () => {
    const el = await fixture<UploadDropzone>(html`<upload-dropzone .client=${client}></upload-dropzone>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!;
    input.blur();
    const blurred = await shot(button);
    await keyboardFocus(input);
    expect(await shot(button)).not.to.equal(blurred);
  });

  it('shows the focus of the library toolbar, the grid item, selection and the pressed view', async () => {
    const prefix = uniquePrefix('fc');
    await seedLibrary(client, prefix, 3);
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    const root = el.shadowRoot!;
    const items = () => [...root.querySelectorAll<HTMLElement>('[part~="item"]')];
    await until(() => items().length === 3, '3 items', 10000);
    await settled(el);
    for (const part of ['upload-button', 'sort-order', 'type-filter', 'sort'])
      expect(await focusShows(root.querySelector<HTMLElement>(`[part~="${part}"]`)!), part).to.equal(true);
    // a select shows it opens: the system's arrow (the drawn one is a background, dropped here)
    for (const part of ['type-filter', 'sort'])
      expect(getComputedStyle(root.querySelector(`[part~="${part}"]`)!).appearance, part).to.equal('auto');
    // the grid's active item shows the listbox's focus
    const listbox = root.querySelector<HTMLElement>('[part~="items"]')!;
    listbox.blur();
    const blurred = await shot(items()[0]!);
    await keyboardFocus(listbox);
    await settled(el);
    expect(await shot(items()[0]!), 'active item').not.to.equal(blurred);
    listbox.blur();
    // a selected card looks selected
    const plain = await shot(items()[1]!);
    client.selection.toggle(items()[1]!.dataset.id!);
    await el.updateComplete;
    await settled(el);
    expect(await shot(items()[1]!), 'selected card').not.to.equal(plain);
    client.selection.clear();
    await el.updateComplete;
    const [grid, list] = [...root.querySelectorAll<HTMLElement>('[part~="view-toggle"] button')];
    expect(await focusShows(list!), 'view toggle').to.equal(true);
    // pressed and not pressed look different: the grid button before and after switching to list
    const pressed = await shot(grid!, 2);
    list!.click();
    await el.updateComplete;
    await settled(el);
    expect(await shot(grid!, 2)).not.to.equal(pressed);
  });
});
