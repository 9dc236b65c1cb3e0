// <media-library>: the library view. Lists `client.library.watch(params)` in a virtualized grid or
// list, wraps it in an <upload-dropzone> and floats an <upload-panel>, all sharing one client.
import { html, nothing, type PropertyValues } from 'lit';
import { query } from 'lit/decorators.js';
import '@lit-labs/virtualizer';
import { grid } from '@lit-labs/virtualizer/layouts/grid.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { LibraryState, UploadItem, ViewState } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import { MediabayElement } from '../shared/mediabay-element.js';
import { StoreController, type Subscribable } from '../shared/store-controller.js';
import { icon } from '../shared/icons.js';
import { formatBytes } from '../shared/format.js';
import '../upload-dropzone/upload-dropzone.js';
import '../upload-panel/upload-panel.js';
import type { UploadDropzone } from '../upload-dropzone/upload-dropzone.component.js';
import { paramsFromView, paramsKey } from './view-params.js';
import { renderGridItem, renderListItem, type ItemView } from './library-item.js';
import styles from './media-library.styles.js';

// Padding belongs to the layout: the virtualizer positions items absolutely and ignores CSS padding.
const gridLayout = grid({
  itemSize: { width: '220px', height: '212px' },
  gap: '16px',
  padding: '16px',
  flex: { preserve: 'height' },
});
const listLayout = flow();

/**
 * @summary A media library: virtualized grid or list of the server's files, a drop target for new
 *   ones, and the upload panel.
 *
 * @event mb-files-added - Files were dropped or chosen (from the inner dropzone).
 * @event mb-selection-change - The selection changed. `detail.ids`.
 *
 * @slot title - Replaces the heading ("Media library").
 *
 * @csspart base - The library's frame.
 * @csspart toolbar - The bar above the items.
 * @csspart upload-button - The "Upload" button.
 * @csspart items - The virtualized scroller.
 * @csspart item - One file (also `item-selected`). Carries `data-id`, `data-operation-id`, `data-status`, `aria-selected`.
 * @csspart thumbnail - The poster or icon of a grid item.
 * @csspart badge - The status badge of an item that is not ready.
 * @csspart empty - The empty, loading and error states.
 * @csspart dropzone - The inner <upload-dropzone>.
 * @csspart panel - The inner <upload-panel>.
 *
 * @cssproperty --mb-library-height - Height of the element. Default 100% (at least 420px).
 * @cssproperty --mb-library-bg - Background. Defaults to `--mb-color-surface`.
 * @cssproperty --mb-item-bg - Background of a grid card. Defaults to `--mb-color-surface-2`.
 * @cssproperty --mb-item-selected-bg - Background of a selected item. Defaults to `--mb-color-accent-soft`.
 */
export class MediaLibrary extends MediabayElement {
  static override styles = styles;

  @query('upload-dropzone') private dropzone!: UploadDropzone;

  private readonly view = new StoreController<ViewState>(this, () => this.client?.$view);
  private readonly uploads = new StoreController<Record<string, UploadItem>>(
    this,
    () => this.client?.$uploads,
  );
  private readonly selection = new StoreController<ReadonlySet<string>>(this, () => this.client?.$selection);
  private readonly library = new StoreController<LibraryState>(this, () => this.#libraryStore);

  #libraryStore?: Subscribable<LibraryState>;
  #libraryKey?: string;
  #libraryClient?: unknown;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    if (!client) {
      this.#libraryStore = undefined;
      return;
    }
    const params = paramsFromView(client.$view.get());
    const key = paramsKey(params);
    if (key !== this.#libraryKey || client !== this.#libraryClient) {
      this.#libraryStore = client.library.watch(params);
      this.#libraryKey = key;
      this.#libraryClient = client;
    }
  }

  /** The files in display order, as the grid shows them. */
  get items(): MediaFile[] {
    return this.library.value?.items ?? [];
  }

  /** Opens the file picker. */
  openPicker(): void {
    this.dropzone?.open();
  }

  #views(items: MediaFile[]): ItemView[] {
    const uploads = this.uploads.value ?? {};
    const selected = this.selection.value;
    return items.map((file, index) => ({
      file,
      upload: uploads[file.operationId],
      selected: selected?.has(file.id) ?? false,
      index,
      total: items.length,
      poster: undefined,
    }));
  }

  protected override render() {
    const t = this.localize.strings;
    const state = this.library.value;
    const items = state?.items ?? [];
    const mode = this.view.value?.mode ?? 'grid';
    const total = state ? Math.max(state.total, items.length) : 0;
    const bytes = items.reduce((sum, file) => sum + file.size, 0);
    return html`
      <upload-dropzone part="dropzone" exportparts="overlay" .client=${this.client} theme=${this.theme}>
        <div class="base ${this.localize.dir}" part="base" dir=${this.localize.dir}>
          <header class="toolbar" part="toolbar">
            <h2 class="title"><slot name="title">${t.libraryLabel}</slot></h2>
            <span class="count"
              >${t.itemCount(total)}${bytes ? ` · ${formatBytes(bytes, t.locale)}` : ''}</span
            >
            <span class="spacer"></span>
            <button class="primary" part="upload-button" type="button" @click=${this.openPicker}>
              ${icon('upload')}<span>${t.upload}</span>
            </button>
          </header>
          ${
            mode === 'list' && items.length > 0
              ? html`<div class="list-head" aria-hidden="true">
                  <span></span><span>${t.columnName}</span><span></span><span>${t.columnType}</span
                  ><span>${t.columnSize}</span><span>${t.columnDate}</span>
                </div>`
              : nothing
          }
          ${this.#renderBody(state, items, mode)}
        </div>
      </upload-dropzone>
      <upload-panel part="panel" .client=${this.client} theme=${this.theme}></upload-panel>
    `;
  }

  #renderBody(state: LibraryState | undefined, items: MediaFile[], mode: ViewState['mode']) {
    const t = this.localize.strings;
    if (!state || (state.status === 'loading' && items.length === 0)) {
      return html`<div class="state" part="empty" role="status">
        <span class="spinner"></span>${t.loading}
      </div>`;
    }
    if (state.status === 'error' && items.length === 0) {
      return html`<div class="state error" part="empty" role="alert">
        ${icon('error')}<span>${t.loadError}</span>
      </div>`;
    }
    if (items.length === 0) {
      return html`<div class="state" part="empty">
        <span class="state-icon">${icon('upload')}</span>
        <strong>${t.emptyTitle}</strong><span>${t.emptyHint}</span>
        <button class="secondary" type="button" @click=${this.openPicker}>${t.browse}</button>
      </div>`;
    }
    const views = this.#views(items);
    return html`<lit-virtualizer
      class="items ${mode}"
      part="items"
      role="listbox"
      aria-label=${t.libraryLabel}
      aria-multiselectable="true"
      scroller
      .items=${views}
      .keyFunction=${(view: ItemView) => view.file.id}
      .layout=${mode === 'grid' ? gridLayout : listLayout}
      .renderItem=${(view: ItemView) => (mode === 'grid' ? renderGridItem(view, t) : renderListItem(view, t))}
    ></lit-virtualizer>`;
  }
}
