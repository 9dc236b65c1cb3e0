// The library's toolbar: search, type filter, sort and order, grid/list, and — while items are
// selected — select all, the count, and the selection bar's buttons (bulk-actions.ts, after first
// paint). A template over plain data; the element owns the actions.
import { html, nothing, type TemplateResult } from 'lit';
import type { ViewState } from '@mediabay/core';
import { MEDIA_TYPES, SORT_KEYS, type SortKey } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import { toolButton } from '../shared/buttons.js';
import { icon } from '../shared/icons.js';
import { bulkModule } from './lazy-modules.js';
import type { ToolbarActions, ToolbarModel } from './toolbar-model.js';

export type { ToolbarActions, ToolbarModel };

/**
 * Plain property bindings, no `live()`: the box's click always changes the selection (so its state
 * follows), and the search field's every input sets the text it renders with.
 */
function selectAll(model: ToolbarModel, t: MediabayStrings, actions: ToolbarActions): TemplateResult {
  const all = model.itemCount > 0 && model.selectedCount >= model.itemCount;
  const some = model.selectedCount > 0 && !all;
  return html`<label class="select-all" title=${t.selectAll}>
    <input
      type="checkbox"
      part="select-all"
      aria-label=${t.selectAll}
      .checked=${all}
      .indeterminate=${some}
      ?disabled=${model.itemCount === 0}
      @change=${actions.toggleAll}
    />
  </label>`;
}

/** The count at once; its buttons come with the bulk actions' module (bulk-actions.ts). */
function selectionBar(model: ToolbarModel, t: MediabayStrings, actions: ToolbarActions): TemplateResult {
  return html`<div class="selection-bar" part="selection-bar">
    <span class="selected-count" role="status">${t.selectedCount(model.selectedCount)}</span>
    ${bulkModule.value?.selectionActions(model, t, actions) ?? nothing}
  </div>`;
}

/** Only files with one tag: offered once the library has tags (or while one is chosen). */
function tagFilter(model: ToolbarModel, t: MediabayStrings, actions: ToolbarActions): TemplateResult {
  const tags = model.tags ?? [];
  const current = model.view.tag ?? '';
  if (tags.length === 0 && current === '') return html``;
  const listed = current && !tags.some((tag) => tag.name === current) ? [{ name: current, count: 0 }] : [];
  return html`<label class="field">
    <span class="field-label">${t.tagFilter}</span>
    <select
      class="select"
      part="tag-filter"
      @change=${(event: Event) => actions.setView('tag', (event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${current === ''}>${t.allTags}</option>
      ${[...tags, ...listed].map(
        (tag) =>
          html`<option value=${tag.name} ?selected=${current === tag.name}>
            ${t.tagWithCount(tag.name, tag.count)}
          </option>`,
      )}
    </select>
  </label>`;
}

function filters(model: ToolbarModel, t: MediabayStrings, actions: ToolbarActions): TemplateResult {
  const view = model.view;
  const descending = view.order === 'desc';
  // Every field has a visible name (a caption on its edge, WCAG 3.3.2) that is its accessible name
  // (the <label>, 2.5.3): no width or height beyond the control's own.
  return html`<label class="search" part="search">
      <span class="field-label">${t.search}</span>
      ${icon('search')}
      <input
        type="search"
        .value=${view.q}
        @input=${(event: Event) => actions.search((event.target as HTMLInputElement).value)}
      />
    </label>
    <label class="field">
      <span class="field-label">${t.columnType}</span>
      <select
        class="select"
        part="type-filter"
        @change=${(event: Event) => actions.setView('type', (event.target as HTMLSelectElement).value as ViewState['type'])}
      >
        <option value="" ?selected=${view.type === ''}>${t.allTypes}</option>
        ${MEDIA_TYPES.map((type) => html`<option value=${type} ?selected=${view.type === type}>${t.mediaType[type]}</option>`)}
      </select>
    </label>
    ${tagFilter(model, t, actions)}
    <label class="field">
      <span class="field-label">${t.sortBy}</span>
      <select
        class="select"
        part="sort"
        @change=${(event: Event) => actions.setView('sort', (event.target as HTMLSelectElement).value as SortKey)}
      >
        ${SORT_KEYS.map((key) => html`<option value=${key} ?selected=${view.sort === key}>${t.sortKey[key]}</option>`)}
      </select>
    </label>
    <button
      class="icon-button"
      part="sort-order"
      type="button"
      aria-label=${descending ? t.descending : t.ascending}
      title=${descending ? t.descending : t.ascending}
      @click=${() => actions.setView('order', descending ? 'asc' : 'desc')}
    >
      ${icon(descending ? 'arrowDown' : 'arrowUp')}
    </button>
    <div class="segmented" part="view-toggle" role="group">
      ${(['grid', 'list'] as const).map(
        (mode) =>
          html`<button
            class="icon-button"
            type="button"
            aria-pressed=${String(view.mode === mode)}
            aria-label=${mode === 'grid' ? t.gridView : t.listView}
            title=${mode === 'grid' ? t.gridView : t.listView}
            @click=${() => actions.setView('mode', mode)}
          >
            ${icon(mode)}
          </button>`,
      )}
    </div>
    <button
      class="tool-button"
      part="trash-toggle"
      type="button"
      aria-pressed=${String(view.trashed === true)}
      @click=${() => actions.setView('trashed', view.trashed !== true)}
    >
      ${icon('delete')}<span>${t.trash}</span>
    </button>
    ${
      model.canAudit ? toolButton('activity-button', icon('info'), t.activity, actions.openActivity) : nothing
    }`;
}

export function renderToolbar(
  model: ToolbarModel,
  t: MediabayStrings,
  actions: ToolbarActions,
): TemplateResult {
  return html`<div class="filters" part="filters">
    ${selectAll(model, t, actions)}
    ${model.selectedCount > 0 ? selectionBar(model, t, actions) : filters(model, t, actions)}
  </div>`;
}
