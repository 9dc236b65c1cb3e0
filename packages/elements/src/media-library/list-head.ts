// The list view's column headers: each sortable column is a button (a new key starts in its natural
// order, the current one turns around: core's sortBy) and says how the list is sorted (aria-sort).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ViewState } from '@mediabay/core';
import type { SortKey } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { icon } from '../shared/icons.js';
import { focusRing } from '../shared/button.styles.js';

/** The columns of a row (library-item.ts): select, name, status, type, size, date. */
type Column = { key: SortKey; label: (t: MediabayStrings) => string } | null;
const COLUMNS: Column[] = [
  null,
  { key: 'name', label: (t) => t.columnName },
  null,
  { key: 'type', label: (t) => t.columnType },
  { key: 'size', label: (t) => t.columnSize },
  { key: 'createdAt', label: (t) => t.columnDate },
];

export function renderListHead(
  view: ViewState,
  t: MediabayStrings,
  sort: (key: SortKey) => void,
): TemplateResult {
  const header = (column: Column): TemplateResult => {
    if (!column) return html`<span aria-hidden="true"></span>`;
    const current = view.sort === column.key;
    const direction = view.order === 'asc' ? 'ascending' : 'descending';
    return html`<span role="columnheader" aria-sort=${current ? direction : 'none'}>
      <button
        class="sort-head"
        part="sort-header"
        type="button"
        data-sort=${column.key}
        @click=${() => sort(column.key)}
      >
        <span>${column.label(t)}</span>${
          current ? icon(view.order === 'asc' ? 'arrowUp' : 'arrowDown') : nothing
        }
      </button>
    </span>`;
  };
  return html`<div role="table" aria-label=${t.sortBy}>
    <div class="list-head" part="list-head" role="row">${COLUMNS.map(header)}</div>
  </div>`;
}

export const listHeadStyles = css`
  .sort-head {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: 100%;
    padding: 2px 4px;
    margin: 0 -4px;
    border: 0;
    border-radius: 4px;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .sort-head:hover {
    color: var(--_text);
  }
  .sort-head:focus-visible {
    ${focusRing}
  }
  .sort-head svg {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }
`;
