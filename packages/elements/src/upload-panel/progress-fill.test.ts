// The progress fills are drawn by `transform: scaleX()` (a round moves no layout): they must still
// show in forced colors (Windows high contrast drops backgrounds unless told otherwise) and grow
// from the start edge, the right one in a right-to-left page. Read from the pixels on screen.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { settled, uploadItem, until } from '../test-support/fixtures.js';
import { forcedColors, shot } from '../test-support/a11y.js';
import type { UploadPanel } from './upload-panel.component.js';
import './upload-panel.js';

/** `element`'s middle row of pixels as on screen (RGBA). */
async function middleRow(element: Element): Promise<Uint8ClampedArray> {
  const image = new Image();
  image.src = `data:image/png;base64,${await shot(element, 0)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, Math.floor(image.height / 2), image.width, 1).data;
}

/** how far across (0-1) the pixels look like the start edge's, from that edge */
function filledShare(row: Uint8ClampedArray, fromRight: boolean): number {
  const width = row.length / 4;
  const at = (x: number) => [...row.subarray(x * 4, x * 4 + 3)].join();
  // two pixels in from the edge: the bar's border is the edge itself
  const start = fromRight ? width - 3 : 2;
  const fill = at(start);
  let count = 0;
  for (let i = 0; i < width - 4; i += 1) if (at(fromRight ? start - i : start + i) === fill) count += 1;
  return count / (width - 4);
}

describe('progress fills', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(async () => {
    client.destroy();
    await forcedColors(false);
  });

  for (const dir of ['ltr', 'rtl'] as const)
    for (const forced of [false, true])
      it(`draw 40 % from the ${dir === 'rtl' ? 'right' : 'left'}${forced ? ' in forced colors' : ''}`, async () => {
        await forcedColors(forced);
        const item = uploadItem({ name: 'fill.mp4', progress: 40, bytesUploaded: 8e6 });
        mirrorUploads(client, [item]);
        const wrapper = await fixture<HTMLDivElement>(
          html`<div dir=${dir}><upload-panel position="inline" .client=${client}></upload-panel></div>`,
        );
        const el = wrapper.querySelector<UploadPanel>('upload-panel')!;
        const bar = await until(
          () => el.shadowRoot!.querySelector<HTMLElement>('[part~="row"] [part="row-progress"]'),
          'the bar',
        );
        await settled(el);
        const row = await middleRow(bar);
        const share = filledShare(row, dir === 'rtl');
        expect(share, 'the filled share of the bar').to.be.within(0.33, 0.47);
        // the rest is another colour (the track), not the same one
        const track = filledShare(row, dir !== 'rtl');
        expect(track).to.be.within(0.53, 0.67);
      });
});
