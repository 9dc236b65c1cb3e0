// The preview's player: video and audio play `playbackUrl` (the web rendition when the upload does
// not play in browsers as it is, else the original) with one caption track per language; images show
// the original. Older servers without playbackUrl: the original. Media on another origin (an embed
// whose server lives elsewhere) is fetched with CORS, as caption tracks need: with credentials,
// which the server allows for the origins it lists (its cookie, if any, or the URL's signature).
import { html, nothing, type TemplateResult } from 'lit';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { typeColor, typeIcon } from '../shared/icons.js';

function tracks(file: MediaFile): TemplateResult[] {
  return (file.captions ?? []).map(
    (caption, index) =>
      html`<track
        kind="captions"
        src=${caption.url}
        srclang=${caption.lang}
        label=${caption.label ?? caption.lang}
        ?default=${index === 0}
      />`,
  );
}

/** `crossorigin` for a media element whose source (and tracks) may live on another origin. */
export function crossOriginFor(url: string | undefined): 'use-credentials' | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, location.href).origin === location.origin ? undefined : 'use-credentials';
  } catch {
    return undefined;
  }
}

export function previewMedia(file: MediaFile, t: MediabayStrings): TemplateResult {
  const ready = file.status === 'ready' && file.contentUrl;
  const playback = file.playbackUrl ?? file.contentUrl;
  if (ready && file.type === 'video')
    return html`<video
      class="preview-media"
      crossorigin=${crossOriginFor(playback) ?? nothing}
      src=${playback}
      poster=${file.thumbnailUrl ?? nothing}
      controls
      preload="metadata"
    >
      ${tracks(file)}
    </video>`;
  if (ready && file.type === 'audio')
    return html`<div class="preview-audio">
      <span class="thumb-icon" style="color:${typeColor.audio}">${typeIcon('audio')}</span>
      <audio crossorigin=${crossOriginFor(playback) ?? nothing} src=${playback} controls preload="metadata">
        ${tracks(file)}
      </audio>
    </div>`;
  if (ready && file.type === 'image')
    return html`<img class="preview-media" src=${file.contentUrl} alt=${file.name} />`;
  return html`<div class="preview-none">
    <span class="thumb-icon" style="color:${typeColor[file.type]}">${typeIcon(file.type)}</span>
    <span>${t.noPreview}</span>
  </div>`;
}
