// What <media-library> shows instead of its list: loading, a failed load with "Try again", no match
// for the search or filter, and the empty library with its "Browse" button (for users who may upload).
import { html, nothing, type TemplateResult } from 'lit';
import type { LibraryState, NotAcceptingReason, ViewState } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons.js';

export interface StateContext {
  canUpload: boolean;
  /** why the client takes no files now; null while it does */
  refusal: NotAcceptingReason | null;
  reload(): void;
  openPicker(): void;
}

/** The state to show, or undefined when there are files to list. */
export function renderState(
  state: LibraryState | undefined,
  view: ViewState,
  t: MediabayStrings,
  context: StateContext,
): TemplateResult | undefined {
  const items = state?.items ?? [];
  if (!state || (state.status === 'loading' && items.length === 0)) {
    return html`<div class="state" part="empty" role="status">
      <span class="spinner"></span>${t.loading}
    </div>`;
  }
  if (state.status === 'error' && items.length === 0) {
    return html`<div class="state error" part="empty" role="alert">
      ${icon('error')}<span>${t.loadError}</span>
      <button class="secondary" type="button" @click=${context.reload}>${t.tryAgain}</button>
    </div>`;
  }
  if (items.length > 0) return undefined;
  if (view.q.trim() || view.type) {
    return html`<div class="state" part="empty" role="status">
      <span class="state-icon muted">${icon('search')}</span><span>${t.noMatches}</span>
    </div>`;
  }
  return html`<div class="state" part="empty">
    <span class="state-icon">${icon('upload')}</span>
    <strong>${t.emptyTitle}</strong>
    ${
      context.canUpload
        ? html`<span>${t.emptyHint}</span>
            <button
              class="secondary"
              type="button"
              ?disabled=${context.refusal !== null}
              aria-describedby=${context.refusal ? 'upload-note' : nothing}
              @click=${context.openPicker}
            >
              ${t.browse}
            </button>`
        : nothing
    }
  </div>`;
}
