// A progress round re-renders the rows whose upload moved and nothing of the list's layout: the
// virtualizer keeps its config and functions from render to render (panel-view.ts), so it neither
// measures nor positions the rows again; uploads coming or going still lay the list out. The card's
// first render is prepared on idle (preparePanel), so the first upload's task does less.
import { expect, fixture, html } from '@open-wc/testing';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { uploadItem, until } from '../test-support/fixtures.js';
import type { UploadPanel } from './upload-panel.component.js';
import { styles } from './panel-view.js';
import './upload-panel.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

interface Virtualizer {
  layoutComplete: Promise<void>;
}

/**
 * Whether the list was laid out while `act` ran or in the frames after it: `layoutComplete` (asked
 * for once the list is quiet) resolves two frames after a layout cycle and stays pending while none runs.
 */
async function laidOut(list: Element, act: () => Promise<void>): Promise<boolean> {
  const virtualizer = (list as unknown as Record<symbol, Virtualizer>)[virtualizerRef]!;
  for (let i = 0; i < 10; i++) await frame(); // the first rows' layout is over
  const done = virtualizer.layoutComplete.then(() => true);
  await act();
  for (let i = 0; i < 6; i++) await frame();
  return Promise.race([done, Promise.resolve(false)]);
}

const shown = (el: UploadPanel, item: UploadItem) =>
  el
    .shadowRoot!.querySelector(`[data-operation-id="${item.operationId}"] [role="progressbar"]`)
    ?.getAttribute('aria-valuenow');

describe('upload panel list', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(() => client.destroy());

  async function panelOf(items: UploadItem[]) {
    mirrorUploads(client, items);
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    const list = await until(() => el.shadowRoot!.querySelector('ul.rows'), 'the list');
    await until(() => shown(el, items[0]!), 'the first row');
    return { el, list };
  }

  it('shows progress rounds in the rows without laying the list out again', async () => {
    const items = Array.from({ length: 12 }, (_, i) => uploadItem({ name: `clip-${i}.mp4`, size: 1000 }));
    const { el, list } = await panelOf(items);
    let moved = items;
    const rounds = async () => {
      for (const percent of [20, 45, 70]) {
        moved = moved.map((item, i) =>
          i % 3 === 0 ? { ...item, bytesUploaded: percent * 10, progress: percent } : item,
        );
        mirrorUploads(client, moved);
        await until(() => shown(el, moved[0]!) === String(percent), `${percent} % in the first row`);
      }
    };
    expect(await laidOut(list, rounds)).to.equal(false);
    expect(shown(el, moved[3]!)).to.equal('70');
    expect(shown(el, moved[1]!)).to.equal('0');
  });

  it('lays the list out again when an upload comes, and shows it', async () => {
    const items = [uploadItem({ name: 'first.mp4' })];
    const { el, list } = await panelOf(items);
    const next = uploadItem({ name: 'second.mp4', progress: 30, bytesUploaded: 30 });
    const added = async () => {
      mirrorUploads(client, [...items, next]);
      await until(() => shown(el, next), 'the new row');
    };
    expect(await laidOut(list, added)).to.equal(true);
    expect(el.rowIds).to.have.length(2);
  });

  it('prepares its card while the page is idle, shows nothing before an upload, then renders it as usual', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><upload-panel .client=${client}></upload-panel></div>`,
    );
    const el = wrapper.querySelector<UploadPanel>('upload-panel')!;
    const card = (Array.isArray(styles) ? styles : [styles]).length;
    const expected = (el.constructor as typeof UploadPanel).elementStyles.length + card;
    // the card's styles join on idle, before any upload
    await until(() => el.shadowRoot!.adoptedStyleSheets.length === expected, 'the card prepared');
    // nothing shows (the card is there, hidden, once its module was used on this page)
    const hidden = el.shadowRoot!.querySelector<HTMLElement>('.panel');
    expect(!hidden || hidden.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[data-operation-id]').length).to.equal(0);
    expect(document.querySelectorAll('[data-operation-id="sample"]').length).to.equal(0);
    const item = uploadItem({ name: 'first.mp4', progress: 40, bytesUploaded: 40 });
    mirrorUploads(client, [item]);
    await until(() => shown(el, item) === '40', 'the first row');
    expect(el.shadowRoot!.querySelector('.panel')!.getAttribute('dir')).to.equal('rtl');
    expect(el.rowIds).to.deep.equal([item.operationId]);
  });
});
