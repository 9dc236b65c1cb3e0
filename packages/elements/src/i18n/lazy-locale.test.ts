// The French strings are not loaded with the elements: a page in French loads them, and an element
// there renders once they are in, never first in English. (Its own file: a fresh page, nothing loaded.)
import { expect, fixture, html } from '@open-wc/testing';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import '../upload-dropzone/upload-dropzone.js';

const frLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/i18n\/fr\.(js|ts)\b/.test(entry.name));

describe('shipped locales load on demand', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media' });
  });
  afterEach(() => client.destroy());

  it('an English page never loads the French strings', async () => {
    const el = await fixture(
      html`<div lang="en"><upload-dropzone .client=${client}></upload-dropzone></div>`,
    );
    const dropzone = el.querySelector('upload-dropzone')!;
    await dropzone.updateComplete;
    expect(dropzone.shadowRoot!.querySelector('label.button')!.textContent).to.contain('Choose files');
    expect(frLoaded()).to.equal(false);
  });

  it('a French page loads them, and its first render is already in French', async () => {
    const texts: string[] = [];
    const wrapper = await fixture(html`<div lang="fr"></div>`);
    const dropzone = document.createElement('upload-dropzone');
    dropzone.client = client;
    const seen = new MutationObserver(() => {
      const label = dropzone.shadowRoot?.querySelector('label.button')?.textContent;
      if (label) texts.push(label.trim());
    });
    wrapper.append(dropzone);
    seen.observe(dropzone.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await dropzone.updateComplete;
    seen.disconnect();
    expect(dropzone.shadowRoot!.querySelector('label.button')!.textContent).to.contain(
      'Choisir des fichiers',
    );
    expect(texts.some((text) => text.includes('Choose files'))).to.equal(false);
    expect(frLoaded()).to.equal(true);
  });
});
