// What <upload-dropzone> shows and does only once files come: the drag overlay's look, reading dropped
// folders (read-entries.ts), and the list of refused files with its styles. A module of its own (the
// dropzone alone ships none of the library's after-paint parts), prefetched when the page is idle and
// loaded at the first drag, drop or refusal if it has not come by then. It imports nothing the first
// load has (lit's `css` and `html` are handed in): a bundler then keeps the first load's chunks as they
// are, where a module shared with one more lazy entry would be split off into a chunk of its own.
import type { css as Css, html as Html, TemplateResult } from 'lit';
import type { Rejection } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';

export { readEntries } from './read-entries.js';

/** the overlay's and the list's sheet */
export const partStyles = (css: typeof Css) => css`
  .overlay {
    position: absolute;
    inset: 0;
    z-index: 5;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent-soft) 85%, transparent);
    color: var(--_text);
    font-size: 16px;
    font-weight: 500;
    pointer-events: none;
  }
  :host([drag-reject]) .overlay {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger-soft) 85%, transparent);
  }
  .rejections {
    margin-top: 12px;
    padding: 12px 16px;
    border-radius: var(--_radius-sm);
    background: var(--_danger-soft);
    color: var(--_text);
  }
  .wrapping + .rejections {
    position: absolute;
    inset-inline-start: 16px;
    inset-block-end: 16px;
    z-index: 6;
    max-width: min(420px, calc(100% - 32px));
    box-shadow: var(--_shadow);
  }
  .rejections-head {
    display: flex;
    justify-content: space-between;
    gap: 12px;
  }
  .rejections ul {
    margin: 6px 0 0;
    padding-inline-start: 18px;
  }
  .file {
    font-weight: 500;
  }
`;

/** The client's sentences already name the file; translated reasons are short and do not. */
function reason(html: typeof Html, rejection: Rejection, t: MediabayStrings) {
  const text = t.rejectionReason(rejection.code, rejection.message);
  return text.includes(rejection.file.name)
    ? text
    : html`<span class="file">${rejection.file.name}</span> — ${text}`;
}

/** The files the client refused and the empty folders dropped, with a button that clears the list. */
export function renderRejections(
  html: typeof Html,
  rejections: readonly Rejection[],
  emptyFolders: readonly string[],
  t: MediabayStrings,
  clear: () => void,
): TemplateResult {
  return html`<div class="rejections" part="rejections" role="alert">
    <div class="rejections-head">
      <strong>${rejections.length > 0 ? t.rejectedTitle(rejections.length) : ''}</strong>
      <button class="link" type="button" @click=${clear}>${t.clearRejected}</button>
    </div>
    <ul>
      ${rejections.map((r) => html`<li data-code=${r.code}>${reason(html, r, t)}</li>`)}
      ${emptyFolders.map((path) => html`<li data-code="empty-folder">${t.folderEmpty(path)}</li>`)}
    </ul>
  </div>`;
}
