import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { MediaFile } from '@mediabay/core/protocol';
import { en } from '../i18n/en.js';
import { crossOriginFor, previewMedia } from './preview-media.js';

const file = (over: Partial<MediaFile>): MediaFile => ({
  id: 'a'.repeat(32),
  name: 'lesson.mp4',
  type: 'video',
  mimeType: 'video/mp4',
  size: 10,
  status: 'ready',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ownerId: 'ann',
  tags: [],
  usages: [],
  operationId: 'op',
  contentUrl: '/api/media/x/content',
  captions: [],
  ...over,
});

describe('preview media across origins', () => {
  it('asks for CORS with credentials only for media on another origin', () => {
    const other = 'https://media.example/api/media/x/content';
    const cases: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['/api/media/x/content', undefined],
      [`${location.origin}/api/media/x/content`, undefined],
      [other, 'use-credentials'],
    ];
    for (const [url, expected] of cases) expect(crossOriginFor(url), String(url)).to.equal(expected);
  });

  it('sets crossorigin on a video from another origin, so its caption tracks load', async () => {
    const url = 'https://media.example/api/media/x/content?exp=1&sig=s';
    const el = await fixture<HTMLElement>(
      html`<div>
        ${previewMedia(
          file({
            contentUrl: url,
            playbackUrl: url,
            captions: [{ lang: 'fr', url: 'https://media.example/api/media/x/captions/fr' }],
          }),
          en,
        )}
      </div>`,
    );
    const video = el.querySelector('video')!;
    expect(video.getAttribute('crossorigin')).to.equal('use-credentials');
    expect(el.querySelector('track')?.getAttribute('srclang')).to.equal('fr');
  });

  it('leaves a same-origin video alone', async () => {
    const el = await fixture<HTMLElement>(html`<div>${previewMedia(file({ playbackUrl: '/x' }), en)}</div>`);
    expect(el.querySelector('video')!.hasAttribute('crossorigin')).to.equal(false);
  });
});
