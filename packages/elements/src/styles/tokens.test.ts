import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { mirrorUploads } from '@mediabay/core/testing';
import { settled, uploadItem } from '../test-support/fixtures.js';
import type { UploadPanel } from '../upload-panel/upload-panel.component.js';
import '../upload-panel/upload-panel.js';

describe('theme tokens', () => {
  let client: MediaClient;
  beforeEach(() => {
    client = createMediaClient({ endpoint: '/api/media' });
    const item = uploadItem();
    mirrorUploads(client, [item]);
  });
  afterEach(() => client.destroy());

  const background = (el: UploadPanel) =>
    getComputedStyle(el.shadowRoot!.querySelector('[part="panel"]')!).backgroundColor;

  it('is light by default and dark with theme="dark", and stays accessible in both', async () => {
    const light = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    expect(background(light)).to.equal('rgb(255, 255, 255)');
    const dark = await fixture<UploadPanel>(
      html`<upload-panel theme="dark" .client=${client}></upload-panel>`,
    );
    expect(background(dark)).to.equal('rgb(30, 31, 32)');
    await settled(dark);
    await expect(dark).to.be.accessible();
  });

  it('takes global --mb-color-* tokens and per-element --mb-panel-* properties from the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--mb-color-surface: rgb(1, 2, 3)">
        <upload-panel .client=${client}></upload-panel>
      </div>`,
    );
    const el = wrapper.querySelector('upload-panel')!;
    await el.updateComplete;
    expect(background(el)).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--mb-panel-bg', 'rgb(4, 5, 6)');
    expect(background(el)).to.equal('rgb(4, 5, 6)');
  });

  it('drops its motion when the user prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
      const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
      expect(getComputedStyle(panel).animationDuration).to.equal('0s');
      const fill = el.shadowRoot!.querySelector('.bar-fill')!;
      expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('animates by default', async () => {
    const el = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    expect(getComputedStyle(panel).animationDuration).not.to.equal('0s');
  });

  it('follows the system colour scheme with theme="auto"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const auto = await fixture<UploadPanel>(
        html`<upload-panel theme="auto" .client=${client}></upload-panel>`,
      );
      expect(background(auto)).to.equal('rgb(30, 31, 32)');
      const light = await fixture<UploadPanel>(html`<upload-panel .client=${client}></upload-panel>`);
      expect(background(light)).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
