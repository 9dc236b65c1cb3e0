// The cards laid out on idle (card-rehearsal.ts, the panel's preparePanel) leave nothing behind: no
// stage, no sample item, nothing a screen reader or a query for items would find.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));

describe('<media-library> rehearsals on idle', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(() => client.destroy());

  it('leaves no sample card, row or stage in the library or its panel', async () => {
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="display:block;height:600px"></media-library>`,
    );
    const panel = el.shadowRoot!.querySelector('upload-panel')!;
    // the panel's card is there (hidden) once its idle work has run
    await until(() => panel.shadowRoot!.querySelector('[part="panel"]'), "the panel's card", 8000);
    await idle();
    await idle();
    for (const root of [el.shadowRoot!, panel.shadowRoot!]) {
      expect(root.querySelector('#mb-sample-item, [data-operation-id="sample"]')).to.equal(null);
      expect([...root.children].filter((child) => child.matches('div[aria-hidden="true"]'))).to.deep.equal(
        [],
      );
    }
  });
});
