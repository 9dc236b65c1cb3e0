import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { createMediaClient, type MediaClient, type UploadItem } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { uploadItem } from '../test-support/fixtures.js';
import { StoreController } from './store-controller.js';

class StoreProbe extends LitElement {
  static override properties = { client: { attribute: false } };
  declare client: MediaClient | undefined;
  renders = 0;
  readonly uploads = new StoreController<Record<string, UploadItem>>(this, () => this.client?.$uploads);

  protected override render() {
    this.renders += 1;
    return html`${Object.keys(this.uploads.value ?? {}).length}`;
  }
}
customElements.define('store-probe', StoreProbe);

describe('StoreController', () => {
  let a: MediaClient;
  let b: MediaClient;
  beforeEach(() => {
    a = createMediaClient({ endpoint: '/api/media' });
    b = createMediaClient({ endpoint: '/api/media' });
  });
  afterEach(() => {
    a.destroy();
    b.destroy();
  });

  const text = (el: StoreProbe) => el.shadowRoot!.textContent!.trim();

  it('re-renders its host when the store changes', async () => {
    const el = await fixture<StoreProbe>(testHtml`<store-probe .client=${a}></store-probe>`);
    expect(text(el)).to.equal('0');
    const item = uploadItem();
    mirrorUploads(a, [item]);
    await el.updateComplete;
    expect(text(el)).to.equal('1');
  });

  it('follows a new store when the getter returns another one', async () => {
    const el = await fixture<StoreProbe>(testHtml`<store-probe .client=${a}></store-probe>`);
    el.client = b;
    await el.updateComplete;
    const item = uploadItem();
    mirrorUploads(a, [item]); // the old store no longer drives the host
    await el.updateComplete;
    expect(text(el)).to.equal('0');
    mirrorUploads(b, [item]);
    await el.updateComplete;
    expect(text(el)).to.equal('1');
  });

  it('stops listening when the host leaves the document', async () => {
    const el = await fixture<StoreProbe>(testHtml`<store-probe .client=${a}></store-probe>`);
    el.remove();
    const before = el.renders;
    const item = uploadItem();
    mirrorUploads(a, [item]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(el.renders).to.equal(before);
  });
});
