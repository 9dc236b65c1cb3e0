// The toolbar's search, type filter and sort have visible names (WCAG 3.3.2) that are their
// accessible names (2.5.3), not placeholders or aria-labels; the row still fits 320 px, nothing
// covers a caption or a control, and the fields line up with the search field.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { settled, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

/** what is drawn at the centre of `element`, looked up through shadow roots */
function topmostAt(element: Element): Element | null {
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  let hit: Element | null = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('<media-library> toolbar labels', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(async () => {
    client.destroy();
    await setViewport({ width: 800, height: 600 });
  });

  async function library(width: number, theme = 'light'): Promise<MediaLibrary> {
    await setViewport({ width, height: 640 });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} theme=${theme} style="height:560px"></media-library>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part="filters"] select'), 'the toolbar');
    await settled(el);
    return el;
  }

  for (const width of [320, 1024]) {
    for (const theme of ['light', 'dark']) {
      it(`names search, type and sort with visible captions at ${width} px (${theme})`, async () => {
        const el = await library(width, theme);
        const root = el.shadowRoot!;
        const search = root.querySelector<HTMLInputElement>('[part="search"] input')!;
        const type = root.querySelector<HTMLSelectElement>('[part="type-filter"]')!;
        const sort = root.querySelector<HTMLSelectElement>('[part="sort"]')!;
        const expected: [HTMLInputElement | HTMLSelectElement, string][] = [
          [search, 'Search media'],
          [type, 'Type'],
          [sort, 'Sort by'],
        ];
        const controls = [
          ...root.querySelectorAll<HTMLElement>('[part="filters"] :is(input, select, button)'),
        ];
        for (const [control, name] of expected) {
          // the name comes from the visible label, nothing overrides it
          expect(control.hasAttribute('aria-label')).to.equal(false);
          expect(control.getAttribute('placeholder') ?? '').to.equal('');
          const caption = control.labels![0]!.querySelector<HTMLElement>('.field-label')!;
          expect(caption.textContent!.trim()).to.equal(name);
          const box = caption.getBoundingClientRect();
          expect(box.width).to.be.above(0);
          expect(box.left).to.be.at.least(0);
          expect(box.right).to.be.at.most(width);
          expect(topmostAt(caption) === caption, `${name}: its caption is covered`).to.equal(true);
          // a caption covers no other control
          for (const other of controls)
            if (other !== control)
              expect(overlap(box, other.getBoundingClientRect()), `${name} covers a control`).to.equal(false);
          expect(topmostAt(control) === control, `${name}: the control is covered`).to.equal(true);
        }
        // nothing scrolls sideways
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        expect(root.querySelector('[part="filters"]')!.scrollWidth).to.be.at.most(width);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('keeps the search field beside the select-all box at 320 px', async () => {
    const el = await library(320);
    const root = el.shadowRoot!;
    const middle = (selector: string) => {
      const box = root.querySelector(selector)!.getBoundingClientRect();
      return Math.round(box.top + box.height / 2);
    };
    expect(middle('[part="search"]')).to.equal(middle('.select-all'));
  });

  it("lines the type and sort fields up with the search field, also once the dialogs' styles joined", async () => {
    const el = await library(1024);
    const root = el.shadowRoot!;
    const middle = (part: string) => {
      const box = root.querySelector(`[part="${part}"]`)!.getBoundingClientRect();
      return box.top + box.height / 2;
    };
    const offsets = () => ['type-filter', 'sort'].map((part) => Math.round(middle(part) - middle('search')));
    expect(offsets()).to.deep.equal([0, 0]);
    // the dialogs' labelled fields are styled by the sheet that joins with the first dialog
    const activity = await until(
      () => root.querySelector<HTMLButtonElement>('[part="activity-button"]'),
      'the Activity button',
    );
    activity.click();
    await until(() => root.querySelector('dialog[open]'), 'the Activity view');
    expect(offsets()).to.deep.equal([0, 0]);
  });
});
