// An upload's progress (issue 21) renders the card of that upload, through the virtualizer, and not
// the library around it: header, toolbar and list stay as they are, their templates not even run.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { mirrorUploads, showInLibrary } from '@mediabay/core/testing';
import { uniquePrefix, uploadItem, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

describe('<media-library> upload cards', () => {
  let client: MediaClient;
  /** the client's requests not answered yet: the library renders when one answers (/me, /tags, ...) */
  let inFlight = 0;
  const counted: typeof fetch = (input, init) => {
    inFlight++;
    return fetch(input, init).finally(() => inFlight--);
  };
  beforeEach(() => {
    client = createMediaClient({
      endpoint: '/api/media',
      resumeAfterReload: false,
      shareTabs: false,
      fetch: counted,
    });
  });
  afterEach(() => client.destroy());

  /** a library (of no files yet) with `item` uploading: its panel row and its optimistic card */
  async function uploading(item: UploadItem): Promise<MediaLibrary> {
    client.setView({ q: item.name });
    const el = await fixture<MediaLibrary>(html`<media-library .client=${client}></media-library>`);
    await until(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'the (empty) library');
    mirrorUploads(client, [item]);
    // its card, as the client puts one in for each upload it accepts (or another tab's)
    await showInLibrary(client, [item]);
    // through the virtualizer: the first screen before it renders its cards with the library
    await until(
      () => el.shadowRoot!.querySelector(`lit-virtualizer [data-operation-id="${item.operationId}"]`),
      'its card in the virtualizer',
    );
    // what the library asked for when it got its client has answered and rendered, and its socket
    // is up (a tag list or "live" that came in the middle of the measurement would count as a render)
    await until(() => inFlight === 0 && client.$live.get() !== 'connecting', 'the library settled');
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return el;
  }

  /** the library's own renders (not its cards'), counted while `act` runs */
  async function libraryRenders(el: MediaLibrary, act: () => Promise<void>): Promise<number> {
    let renders = 0;
    const update = (el as unknown as { update(changed: unknown): void }).update;
    Object.assign(el, {
      update(changed: unknown) {
        renders++;
        update.call(el, changed);
      },
    });
    try {
      await act();
    } finally {
      delete (el as unknown as Record<string, unknown>).update;
    }
    return renders;
  }

  it("renders an upload's progress in its card, not in the header, toolbar or list", async () => {
    const name = `${uniquePrefix('cards')}-lecture.mp4`;
    const item = uploadItem({ name, status: 'uploading', progress: 20, bytesUploaded: 200 });
    const el = await uploading(item);
    const bar = () =>
      el.shadowRoot!.querySelector<HTMLElement>(
        `[data-operation-id="${item.operationId}"] .thumb-bar > span`,
      );
    await until(() => bar()?.style.transform === 'scaleX(0.2)', 'the card at 20 %');
    const header = el.shadowRoot!.querySelector('[part~="uploads-button"]')!.textContent;

    const renders = await libraryRenders(el, async () => {
      for (const progress of [40, 60]) {
        mirrorUploads(client, [{ ...item, progress, bytesUploaded: progress * 10 }]);
        await until(
          () => bar()?.style.transform === `scaleX(${progress / 100})`,
          `the card at ${progress} %`,
        );
      }
    });
    expect(renders).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part~="uploads-button"]')!.textContent).to.equal(header);
  });

  it('still renders the library when an upload changes status (the card shows it at once)', async () => {
    const name = `${uniquePrefix('cards')}-talk.mp4`;
    const item = uploadItem({ name, status: 'uploading', progress: 50, bytesUploaded: 500 });
    const el = await uploading(item);
    const card = () => el.shadowRoot!.querySelector<HTMLElement>(`[data-operation-id="${item.operationId}"]`);
    await until(() => card()?.dataset.status === 'uploading', 'the uploading card');
    mirrorUploads(client, [{ ...item, status: 'paused' }]);
    await until(() => card()?.querySelector('[part~="badge"]')?.textContent?.includes('Paused'), 'paused');
  });
});
