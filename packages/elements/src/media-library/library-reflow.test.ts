// Reflow (issue 18, WCAG 1.4.10): at 320 px wide and at 200 % zoom (640 x 450) nothing scrolls
// sideways and no control is covered; the dark theme keeps its contrast with a selection.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { seedLibrary, settled, uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

/** the element at the centre of `element` is `element` or inside it: nothing covers it */
function uncovered(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  let hit: Element | null = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return !!hit && (hit === element || element.contains(hit));
}

describe('<media-library> reflow', () => {
  let client: MediaClient;
  let prefix: string;
  before(async function () {
    this.timeout(30000); // a real upload and the server's processing of a video
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    prefix = uniquePrefix('reflow');
    await seedLibrary(client, prefix, 1);
    // a real video (ffmpeg, from the test runner): its intrinsic size is what pushed the old layout
    const { base64 } = await executeServerCommand<{ base64: string }, { name: string }>('make-media', {
      name: 'web.webm',
    });
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    client.addFiles([new File([bytes], `${prefix}-clip.webm`, { type: 'video/webm' })]);
    await until(
      () =>
        Object.values(client.$uploads.get()).some(
          (u) => u.name.endsWith('-clip.webm') && u.status === 'ready',
        ),
      'the video ready',
      20000,
    );
    client.setView({ q: prefix });
  });
  after(async () => {
    client.destroy();
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => client.selection.clear());

  /** in a page with margins, like the demo's (24 px each side) */
  async function library(theme = 'light'): Promise<MediaLibrary> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="padding:0 24px">
        <media-library .client=${client} theme=${theme} style="height:560px"></media-library>
      </div>`,
    );
    const el = wrapper.querySelector('media-library')!;
    await until(() => el.shadowRoot!.querySelectorAll('[part~="item"]').length === 2, 'items', 10000);
    return el;
  }

  it('fits 320 px with a selection: no sideways scrolling, every selection action in view', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await library();
    client.selection.selectAll([el.items[0]!.id]);
    await el.updateComplete;
    await settled(el);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const part of ['clear-selection', 'delete-button', 'tag-button', 'upload-button']) {
      const control = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`)!;
      const box = control.getBoundingClientRect();
      expect(box.left, part).to.be.at.least(0);
      expect(box.right, part).to.be.at.most(320);
    }
  });

  it('at 200 % zoom (640 x 450) stacks the preview so Close, Name, Tags and Save stay reachable', async () => {
    await setViewport({ width: 640, height: 450 });
    const el = await library();
    el.openItem(el.items.find((file) => file.type === 'video')!);
    const dialog = await until(
      () =>
        el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.preview[open] form') &&
        el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.preview[open]'),
      'preview',
    );
    await until(() => dialog.querySelector('video'), 'the video');
    await settled(el);
    expect(document.documentElement.scrollWidth).to.be.at.most(640);
    // the media is a band on top, not the whole pane
    const stage = dialog.querySelector<HTMLElement>('.preview-stage')!.getBoundingClientRect();
    expect(stage.height).to.be.at.most(dialog.getBoundingClientRect().height / 2);
    const controls = {
      close: dialog.querySelector<HTMLElement>('.details-head button')!,
      name: dialog.querySelector<HTMLElement>('input[name="name"]')!,
      tag: dialog.querySelector<HTMLElement>('input[name="tag"]')!,
      save: dialog.querySelector<HTMLElement>('button[type="submit"]')!,
    };
    for (const [what, control] of Object.entries(controls)) {
      control.scrollIntoView({ block: 'center' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(uncovered(control), what).to.equal(true);
    }
    dialog.close();
  });

  it('keeps axe happy in the dark theme with a selection', async () => {
    await setViewport({ width: 800, height: 600 });
    const el = await library('dark');
    client.selection.selectAll([el.items[0]!.id]);
    await el.updateComplete;
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
