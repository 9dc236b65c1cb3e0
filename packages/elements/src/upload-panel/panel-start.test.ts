// An upload's first moments in the panel (issue 21): the card is there before any upload (rendered
// hidden on idle), and the first row renders in a task after the one that adds the file, which
// already renders the library's new card: the two made one long task.
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { testFile, until } from '../test-support/fixtures.js';
import { nextTask } from '../shared/next-task.js';
import type { UploadPanel } from './upload-panel.component.js';
import './upload-panel.js';

describe('<upload-panel> as an upload starts', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
  });
  afterEach(() => client.destroy());

  it('has its card rendered, hidden, before the first upload, and shows it with the first row a task later', async () => {
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    const root = el.shadowRoot!;
    const card = await until(() => root.querySelector<HTMLElement>('[part="panel"]'), 'the card, on idle');
    expect(card.hidden).to.equal(true);
    expect(root.querySelector('[part~="row"]')).to.equal(null);

    client.addFiles([testFile('first.bin', 'application/octet-stream', 1024)]);
    const id = Object.keys(client.$uploads.get())[0]!;
    // the card shows (and lays its list out) in a task of its own: the next task, queued now before
    // the panel's, still finds it hidden
    await nextTask();
    expect(card.hidden, 'the card in the adding task').to.equal(true);
    const row = await until(() => root.querySelector(`[part~="row"][data-operation-id="${id}"]`), 'the row');
    expect(row.textContent).to.contain('first.bin');
    expect(root.querySelector('[part="panel"]'), 'the same card').to.equal(card);
    expect(card.hidden).to.equal(false);
  });
});
