import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import { uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

const SRT = '1\n00:00:00,200 --> 00:00:01,800\nHello captions\n';

// The details pane's captions against the real server kit: an SRT file added through the pane becomes
// a <track kind="captions"> of the preview's video with its cue; removing it takes the track away.
describe('<media-library> captions in the details pane', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  async function openVideo(prefix: string) {
    const client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    clients.push(client);
    const made = await executeServerCommand<{ base64: string }, { name: string }>('make-media', {
      name: 'web.webm',
    });
    const bytes = Uint8Array.from(atob(made!.base64), (c) => c.charCodeAt(0));
    client.addFiles([new File([bytes], `${prefix}.webm`)]);
    client.setView({ q: prefix });
    const el = await fixture<MediaLibrary>(
      html`<media-library .client=${client} style="height:600px"></media-library>`,
    );
    await until(() => el.items.length === 1 && el.items[0]!.status === 'ready', 'ready', 30000);
    el.openItem(el.items[0]!);
    const root = el.shadowRoot!;
    const q = <T extends Element>(selector: string) =>
      root.querySelector<T>(`dialog.preview[open] ${selector}`);
    await until(() => q('[part="captions"]'), 'captions field');
    return { el, q };
  }

  it('adds an SRT file as a caption track the video shows, and removes it', async function () {
    this.timeout(40000);
    const { q } = await openVideo(uniquePrefix('captions'));
    expect(q('[part="captions"]')!.textContent).to.include('No captions yet');
    const files = new DataTransfer();
    files.items.add(new File([SRT], 'talk.srt'));
    q<HTMLInputElement>('input[name="captionFile"]')!.files = files.files;
    q<HTMLInputElement>('input[name="captionLang"]')!.value = 'en';
    q<HTMLInputElement>('input[name="captionLabel"]')!.value = 'English';
    q<HTMLButtonElement>('.caption-add button')!.click();

    const track = await until(
      () => q<HTMLTrackElement>('video track[kind="captions"][srclang="en"]'),
      'track',
    );
    expect(track.label).to.equal('English');
    const video = q<HTMLVideoElement>('video')!;
    video.textTracks[0]!.mode = 'hidden';
    await until(() => (video.textTracks[0]!.cues?.length ?? 0) > 0 || undefined, 'cues loaded');
    expect((video.textTracks[0]!.cues![0] as VTTCue).text).to.equal('Hello captions');
    expect(q('[part="captions"] li')!.textContent).to.include('English (en)');

    q<HTMLButtonElement>('[part="captions"] li button')!.click();
    await until(() => !q('video track') || undefined, 'track removed');
    await until(
      () => q('[part="captions"]')!.textContent!.includes('No captions yet') || undefined,
      'list empty',
    );
  });

  it('shows the server’s reason when a caption file is refused', async function () {
    this.timeout(40000);
    const { el, q } = await openVideo(uniquePrefix('badcaptions'));
    const files = new DataTransfer();
    files.items.add(new File(['not captions at all'], 'notes.srt'));
    q<HTMLInputElement>('input[name="captionFile"]')!.files = files.files;
    q<HTMLInputElement>('input[name="captionLang"]')!.value = 'en';
    q<HTMLButtonElement>('.caption-add button')!.click();
    await until(
      () => el.shadowRoot!.textContent!.includes('Could not change the captions.') || undefined,
      'toast',
    );
    expect(q('video track')).to.equal(null);
  });
});
