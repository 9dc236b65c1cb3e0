import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createMediaClient, type MediaClient } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import { uniquePrefix, until } from '../test-support/fixtures.js';
import type { MediaLibrary } from './media-library.component.js';
import './media-library.js';

// Uploads that browsers cannot play as they are (HEVC, MPEG-4 part 2, ProRes, AIFF), one they can
// (WebM) and an MP4 with its index at the end, through the real server kit (which makes the web
// renditions with ffmpeg): each plays and seeks in the preview.
describe('<media-library> preview playback', () => {
  const clients: MediaClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

  /** `name` made by ffmpeg on the test server, as a File named `as` */
  async function mediaFile(name: string, as: string): Promise<File> {
    const made = await executeServerCommand<{ base64: string }, { name: string }>('make-media', { name });
    return new File([Uint8Array.from(atob(made!.base64), (c) => c.charCodeAt(0))], as);
  }

  async function uploaded(client: MediaClient, prefix: string, name: string): Promise<MediaFile> {
    client.addFiles([await mediaFile(name, `${prefix}-${name}`)]);
    const deadline = performance.now() + 40000;
    for (;;) {
      const [file] = (await client.library.list({ q: prefix, limit: 10 })).items;
      if (file && file.status !== 'processing') return file;
      if (performance.now() > deadline) throw new Error(`${name} still processing`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function once(element: HTMLMediaElement, type: string): Promise<void> {
    return new Promise((resolve, reject) => {
      element.addEventListener(type, () => resolve(), { once: true });
      element.addEventListener('error', () => reject(new Error(`media error ${element.error?.code}`)), {
        once: true,
      });
    });
  }

  const cases: [string, 'video' | 'audio'][] = [
    ['phone.mov', 'video'],
    ['old.avi', 'video'],
    ['edit.mov', 'video'],
    ['web.webm', 'video'],
    ['late-index.mp4', 'video'],
    ['tone.aiff', 'audio'],
  ];
  for (const [name, kind] of cases) {
    it(`plays and seeks ${name} in the preview`, async function () {
      this.timeout(60000);
      const client = createMediaClient({
        endpoint: '/api/media',
        resumeAfterReload: false,
        shareTabs: false,
      });
      clients.push(client);
      const prefix = uniquePrefix('play');
      const file = await uploaded(client, prefix, name);
      expect(file.status, file.error).to.equal('ready');
      client.setView({ q: prefix });
      const el = await fixture<MediaLibrary>(
        html`<media-library .client=${client} style="height:600px"></media-library>`,
      );
      await until(() => el.items.length === 1, 'library');
      el.openItem(el.items[0]!);
      const player = await until(
        () => el.shadowRoot!.querySelector<HTMLMediaElement>(`dialog.preview[open] ${kind}`),
        'player',
      );
      expect(new URL(player.src).pathname).to.equal(new URL(file.playbackUrl!, location.href).pathname);
      if (player.readyState < HTMLMediaElement.HAVE_METADATA) await once(player, 'loadedmetadata');
      expect(player.duration).to.be.greaterThan(1.5);
      if (player instanceof HTMLVideoElement) expect(player.videoWidth).to.be.greaterThan(0);
      const seeked = once(player, 'seeked');
      player.currentTime = 1;
      await seeked;
      expect(player.currentTime).to.be.closeTo(1, 0.2);
      if (player instanceof HTMLVideoElement) {
        player.muted = true; // muted video may play without a user gesture
        await player.play();
        player.pause();
      }
    });
  }
});
