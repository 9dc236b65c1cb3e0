// Two small notes of the library's header: the button that brings the upload panel back while
// uploads exist, and "Live updates paused" while the client polls because its socket is down.
import { html, nothing, type TemplateResult } from 'lit';
import type { LiveState } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons.js';

/**
 * `missing`: the client found no library API behind its endpoint (a plain tus server); it polls
 * nothing and never goes live, so nothing is said here (the library said so once, in a toast).
 */
export function renderLiveNote(live: LiveState | 'missing' | undefined, t: MediabayStrings): TemplateResult {
  // the status region stays in the page so its change is announced; only its text comes and goes
  const paused = live === 'polling';
  return html`<span
    class="live-note ${paused ? '' : 'visually-hidden'}"
    part="live-note"
    role="status"
    data-live=${live ?? nothing}
    title=${paused ? t.livePausedHint : nothing}
    >${paused ? html`<span class="live-dot" aria-hidden="true"></span>${t.livePaused}` : ''}</span
  >`;
}

export function renderUploadsButton(
  count: number,
  open: () => void,
  t: MediabayStrings,
): TemplateResult | typeof nothing {
  if (count === 0) return nothing;
  return html`<button class="secondary uploads-button" part="uploads-button" type="button" @click=${open}>
    ${icon('upload')}<span>${t.showUploads(count)}</span>
  </button>`;
}
