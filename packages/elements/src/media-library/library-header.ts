// The library's header: title, count and size, the live note, the Uploads button while uploads exist,
// why uploads are refused (if they are), and the Upload button for those who may upload.
import { html, nothing, type TemplateResult } from 'lit';
import type { LiveState, NotAcceptingReason } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { formatBytes } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { renderLiveNote, renderUploadsButton } from './library-status.js';

export interface HeaderModel {
  total: number;
  /** the listed files' size; 0 when unknown (pages still on the server) */
  bytes: number;
  live: LiveState | 'missing' | undefined;
  uploads: number;
  refusal: NotAcceptingReason | null;
  canUpload: boolean;
}

export function renderHeader(
  model: HeaderModel,
  t: MediabayStrings,
  actions: { showUploads(): void; openPicker(): void },
): TemplateResult {
  const { total, bytes, refusal } = model;
  return html`<header class="toolbar" part="toolbar">
    <h2 class="title"><slot name="title">${t.libraryLabel}</slot></h2>
    <span class="count"
      >${t.itemCount(total)}${bytes ? html` · <bdi>${formatBytes(bytes, t.locale)}</bdi>` : ''}</span
    >
    ${renderLiveNote(model.live, t)}
    <span class="spacer"></span>
    ${renderUploadsButton(model.uploads, actions.showUploads, t)}
    <span
      id="upload-note"
      class="upload-note ${refusal ? '' : 'visually-hidden'}"
      part="upload-note"
      role="status"
      data-reason=${refusal ?? nothing}
      >${refusal ? t.notAccepting[refusal] : ''}</span
    >
    ${
      model.canUpload
        ? html`<button
            class="primary"
            part="upload-button"
            type="button"
            ?disabled=${refusal !== null}
            aria-describedby=${refusal ? 'upload-note' : nothing}
            @click=${actions.openPicker}
          >
            ${icon('upload')}<span>${t.upload}</span>
          </button>`
        : nothing
    }
  </header>`;
}
