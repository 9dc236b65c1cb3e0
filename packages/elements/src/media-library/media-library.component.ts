// <media-library>: the library view. Lists `client.library.watch(params)` in a virtualized grid or
// list with a toolbar, selection, preview, confirm and toasts; wraps it all in an <upload-dropzone>
// and floats an <upload-panel>, every part sharing one client. It holds no upload or cache logic.
import { html, nothing, type PropertyValues, type ReactiveElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_VIEW,
  permits,
  type Accepting,
  type LibraryState,
  type LiveState,
  type MeState,
  type NotAcceptingReason,
  type UploadItem,
  type ViewState,
} from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import { MediabayElement } from '../shared/mediabay-element.js';
import { StoreController } from '../shared/store-controller.js';
import { ClientEventsController } from '../shared/client-events.js';
import { serverMissing } from '../shared/server-missing.js';
import { paced, uploadsUrgent } from '../shared/paced-store.js';
import { ToastController, renderToasts, type ToastAction } from '../shared/toasts.js';
import { posterStore } from '../shared/posters.js';
import type { UploadDropzone } from '../upload-dropzone/upload-dropzone.component.js';
import type { UploadPanel } from '../upload-panel/upload-panel.component.js';
import { renderHeader } from './library-header.js';
import { LibraryListing } from './library-listing.js';
import { LIST_LIMIT } from './view-params.js';
import { renderGridItem, renderListItem } from './library-item.js';
import { prepareCards } from './card-rehearsal.js';
import { LibraryRows } from './library-rows.js';
import { renderToolbar } from './library-toolbar.js';
import { toolbarActions } from './toolbar-actions.js';
import { renderListHead } from './list-head.js';
import { TagListController } from './tag-list.js';
import { LibrarySelectionController } from './selection-controller.js';
import { LibraryFocusController } from './library-focus.js';
import { LIBRARY_PREFETCH, bulkModule, toastListModule, virtualListModule } from './lazy-modules.js';
import { FirstScreenBox } from './first-screen.js';
import { renderState } from './library-states.js';
import { renderList, type ListHandlers } from './library-list.js';
import { LibraryParts } from './library-parts.js';
import { LibraryActions } from './library-actions.js';
import styles from './media-library.styles.js';
import forcedColors from './forced-colors.styles.js';

/** Before a client: offer everything (the server decides). */
const UNKNOWN_ME: MeState = { status: 'error', me: null };

/**
 * @summary A media library: toolbar, virtualized grid or list of the server's files with
 *   selection, preview and bulk actions, a drop target for new files, and the upload panel.
 *   What is offered follows `client.$me` (`GET /me`): no upload for a viewer, no tag or delete on
 *   files the user may not change; the server's 403 still ends in a toast.
 *
 * @event mb-files-added - Files were dropped or chosen (from the inner dropzone).
 * @event mb-selection-change - The selection changed. `detail.ids`.
 * @event mb-open - An item is about to open in the preview. Cancel it to show your own. `detail.file`.
 * @event mb-delete - The user confirmed deleting items. Cancel it to keep them. `detail.ids`.
 * @event mb-deleted - The server answered a delete. `detail.ids`, `detail.ok`, `detail.error`.
 *
 * @slot title - Replaces the heading ("Media library").
 *
 * @csspart base - The library's frame.
 * @csspart toolbar - The heading row with the "Upload" button.
 * @csspart filters - The row with search, filters, sort and view toggle (or the selection actions).
 * @csspart search - The search field.
 * @csspart type-filter - The type filter.
 * @csspart sort - The sort key; `sort-order` is the direction button.
 * @csspart sort-order - The sort direction button.
 * @csspart view-toggle - The grid/list buttons.
 * @csspart select-all - The select-all checkbox.
 * @csspart selection-bar - Count, tag and delete while items are selected.
 * @csspart tag-button - The selection bar's "Tag" button.
 * @csspart delete-button - The selection bar's "Delete" button.
 * @csspart clear-selection - The selection bar's button that clears the selection.
 * @csspart upload-button - The "Upload" button (disabled while `client.$accepting` says no).
 * @csspart upload-note - Why no files are taken now, in a status line beside it; `data-reason` names it.
 * @csspart uploads-button - "Uploads (3)": brings the upload panel back, shown while uploads exist.
 * @csspart live-note - "Live updates paused" while the client polls (`client.$live` is 'polling');
 *   `data-live` names the state.
 * @csspart items - The virtualized listbox.
 * @csspart item - One file (also `item-selected`). Carries `data-id`, `data-operation-id`, `data-status`, `aria-selected`.
 * @csspart item-selected - A selected item (beside `item`).
 * @csspart thumbnail - The poster or icon of a grid item.
 * @csspart badge - The status badge of an item that is not ready.
 * @csspart empty - The empty, no-match, loading and error states.
 * @csspart loading-more - The note shown while the next page of files loads.
 * @csspart selection-rect - The drag rectangle.
 * @csspart dialog - Every dialog (also `confirm-dialog`, `preview-dialog`).
 * @csspart confirm-dialog - The confirm dialog (delete, discard), beside `dialog`.
 * @csspart preview-dialog - The preview dialog, beside `dialog`.
 * @csspart dialog-list - The usages listed in the confirm dialog when files are in use.
 * @csspart details - The details pane of the preview.
 * @csspart usages - The "Used in" field of the details pane; `usage-add` its course and lesson fields.
 * @csspart usage-add - The course and lesson fields that add a usage.
 * @csspart captions - The "Captions" field of the details pane (a list of caption tracks).
 * @csspart caption-add - The language, label and file fields that add a caption track.
 * @csspart toasts - The toast region; `toast`, `toast-success`, `toast-error`, `toast-info` for each toast.
 * @csspart toast - One toast (also `toast-success`, `toast-error` or `toast-info`).
 * @csspart toast-success - A toast that reports a success.
 * @csspart toast-error - A toast that reports a failure.
 * @csspart toast-info - A toast that tells a fact once (the server has no media library).
 * @csspart toast-action - A toast's action button (Undo after a delete).
 * @csspart tag-filter - The toolbar's tag filter (tags with counts).
 * @csspart tag-chip - One of the first tags shown on an item; a click filters by it (`data-tag`).
 * @csspart trash-toggle - The toolbar's Trash view toggle (`aria-pressed`).
 * @csspart restore-button - Trash view: the selection bar's "Restore" button.
 * @csspart purge-button - Trash view: the selection bar's "Delete forever" button.
 * @csspart list-head - The list view's column headers; `sort-header` each sortable header's button.
 * @csspart sort-header - A column header's sort button (`data-sort`); its columnheader has `aria-sort`.
 * @csspart download - The details pane's "Download" link (an attachment under the file's name).
 * @csspart copy-link - The details pane's "Copy link" button.
 * @csspart replace-button - The details pane's "Replace file…" button.
 * @csspart activity-button - The toolbar's "Activity" button (admins).
 * @csspart activity-dialog - The Activity view (the audit log), beside `dialog`.
 * @csspart activity-filters - The Activity view's filters (action, user, dates).
 * @csspart activity-table - The Activity view's table of entries.
 * @csspart activity-more - The Activity view's "Load more" button.
 * @csspart duplicate-dialog - The prompt for a file already in the library, beside `dialog`.
 * @csspart duplicate-keep - The duplicate prompt's "Keep both" button.
 * @csspart duplicate-replace - The duplicate prompt's "Replace" button.
 * @csspart duplicate-skip - The duplicate prompt's "Skip" button.
 * @csspart replace-input - The details pane's hidden file input behind "Replace file…".
 * @csspart dropzone - The inner <upload-dropzone>.
 * @csspart panel - The inner <upload-panel>.
 *
 * @cssproperty --mb-library-height - Height of the element. Default auto (at least 420px).
 * @cssproperty --mb-library-bg - Background. Defaults to `--mb-color-surface`.
 * @cssproperty --mb-item-bg - Background of a grid card. Defaults to `--mb-color-surface-2`.
 * @cssproperty --mb-item-selected-bg - Background of a selected item. Defaults to `--mb-color-accent-soft`.
 * @cssproperty --mb-toast-bg - Background of a toast. Default #303030.
 * @cssproperty --mb-toast-color - Text colour of a toast. Default #f2f2f2.
 * @cssproperty --mb-toast-action-color - Colour of a toast's action button (Undo). Default #a8c7fa.
 */
export class MediaLibrary extends MediabayElement {
  static override styles = styles;

  /** Files fetched per request; the next page loads as the user scrolls near the end. Default 200. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = LIST_LIMIT;

  @query('upload-dropzone') private dropzone!: UploadDropzone;
  @query('upload-panel') private panel!: UploadPanel;
  @state() private searchText = '';

  private readonly view = new StoreController<ViewState>(this, () => this.client?.$view);
  /**
   * paced like the panel's: a card's progress renders at most twice a second, and only the cards
   * (through the virtualizer), not the header, toolbar and list around them
   */
  private readonly uploads = new StoreController<Record<string, UploadItem>>(
    this,
    () => paced(this.client?.$uploads, uploadsUrgent),
    () => this.#uploadsMoved(),
  );
  private readonly selectionStore = new StoreController<ReadonlySet<string>>(
    this,
    () => this.client?.$selection,
  );
  private readonly library = new StoreController<LibraryState>(this, () => this.#listing.store);
  private readonly me = new StoreController<MeState>(this, () => this.client?.$me);
  private readonly uploadIds = new StoreController(this, () => this.client?.$uploadIds);
  private readonly live = new StoreController<LiveState>(this, () => this.client?.$live);
  private readonly accepting = new StoreController<Accepting>(this, () => this.client?.$accepting);
  private readonly posters = new StoreController(this, () => posterStore);
  private readonly selection = new LibrarySelectionController(this);
  private readonly focusKeeper = new LibraryFocusController(this, this.selection);
  private readonly toasts = new ToastController(this, () => this.focusKeeper.fallbacks());
  /** the confirm dialog, the preview, the Activity view and the duplicate prompt: loaded on first use */
  readonly #parts = new LibraryParts(this, this.lazy, forcedColors, () =>
    this.toasts.show(this.localize.strings.loadError, 'error'),
  );
  private readonly actions = new LibraryActions(
    this,
    this.#parts.asker,
    () => this.localize.strings,
    this.lazy,
  );
  private readonly tagList = new TagListController(this, () => this.client);

  constructor() {
    super();
    this.lazy.prefetch(...LIBRARY_PREFETCH);
    new ClientEventsController(this, () => this.client, {
      'server-missing': () => {
        // said once; "Live updates paused" would otherwise promise updates that never come
        this.requestUpdate();
        this.toasts.show(this.localize.strings.serverMissing, 'info');
      },
    });
    // a tag chip clicked on a card or row filters the library by that tag
    this.addEventListener('mb-tag-filter-request', (event) => {
      const tag = (event as CustomEvent<{ tag?: string }>).detail.tag;
      if (tag) this.client?.setView({ tag });
    });
  }

  readonly #listing = new LibraryListing();
  /** the list's box until the virtualizer has loaded */
  readonly #firstScreen = new FirstScreenBox(this);
  #lastSelection?: ReadonlySet<string>;
  /** what the virtualizer gets: keys and one renderItem */
  readonly #rows = new LibraryRows();

  /** The files in display order, as the grid shows them. */
  get items(): MediaFile[] {
    return this.library.value?.items ?? [];
  }

  /** Ids currently selected. */
  get selectedIds(): string[] {
    return [...(this.selectionStore.value ?? [])];
  }

  /** @internal what the server lets the user do (`client.$me`) */
  get meState(): MeState {
    return this.me.value ?? UNKNOWN_ME;
  }

  /** why the client takes no files now (`client.$accepting`); null while it does */
  get #refusal(): NotAcceptingReason | null {
    const accepting = this.accepting.value;
    return accepting && !accepting.accepting ? accepting.reason : null;
  }

  /** @internal */
  get rtl(): boolean {
    return this.localize.dir === 'rtl';
  }

  /** Opens the file picker. */
  openPicker(): void {
    this.dropzone?.open();
  }

  /** Opens the preview of a file (after a cancelable `mb-open`). */
  openItem(file: MediaFile): void {
    if (!this.emit('mb-open', { file }, true)) return;
    this.#parts.openPreview(file);
  }

  /** Asks to delete the selected items, then deletes them. */
  requestDelete(): void {
    void this.actions.deleteSelected();
  }

  /** Brings the upload panel back (after it was closed) and moves focus into it. */
  showUploads(): void {
    this.panel?.show();
  }

  /** Shows a toast in the library's toast region. */
  notify(message: string, tone: 'success' | 'error' | 'info' = 'success', action?: ToastAction): void {
    this.toasts.show(message, tone, action);
  }

  /** @internal the listbox (the virtualizer, or the first screen before it), for the selection controller */
  listbox() {
    return (
      this.shadowRoot?.querySelector<
        HTMLElement & { element?(i: number): { scrollIntoView(): void } | undefined }
      >('[part~="items"]') ?? null
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    if (this.#listing.sync(client, this.pageSize) && client) this.searchText = client.$view.get().q;
    if (!client) return;
    const selected = client.$selection.get();
    if (this.#lastSelection && selected !== this.#lastSelection)
      this.emit('mb-selection-change', { ids: [...selected] });
    this.#lastSelection = selected;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // a card laid out on idle, so the first one shown (an upload's, say) costs less in its task
    prepareCards(this.renderRoot, () => this.localize.strings);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // an item in view would look different: the virtualizer renders its items again (stable
    // properties alone do not make it update)
    if (this.#rows.takeStale())
      this.shadowRoot?.querySelector<ReactiveElement>('lit-virtualizer')?.requestUpdate();
    // also after each page lands: a viewport taller than the loaded files keeps asking
    this.#loadMoreIfNearEnd();
    const firstScreen = this.renderRoot.querySelector<HTMLElement>('.first-screen');
    this.#firstScreen.watch(virtualListModule.value ? null : firstScreen, this.listbox());
  }

  #uploadsMoved(): void {
    // the first screen (before the virtualizer) renders its items with the library
    const list = this.shadowRoot?.querySelector<ReactiveElement>('lit-virtualizer');
    if (!list) return this.requestUpdate();
    if (this.#rows.useUploads(this.uploads.value ?? {})) list.requestUpdate();
  }

  #loadMoreIfNearEnd(): void {
    this.#listing.loadMoreIfNearEnd(this.library.value, this.pageSize, () =>
      this.toasts.show(this.localize.strings.loadError, 'error'),
    );
  }

  #headerActions = { showUploads: () => this.showUploads(), openPicker: () => this.openPicker() };

  #toolbarActions = toolbarActions(this, this.actions, {
    fallbacks: () => this.focusKeeper.fallbacks(),
    searchText: (q) => (this.searchText = q),
    openActivity: () => this.#parts.openActivity(),
  });

  #onBaseKeyDown(event: KeyboardEvent): void {
    if (
      event.key === 'Escape' &&
      this.selectedIds.length > 0 &&
      !this.#parts.asking &&
      !this.#parts.previewing
    ) {
      this.client?.selection.clear();
    }
  }

  protected override render() {
    // the virtualizer loads from the first render on (the files are usually still on their way)
    this.lazy.use(virtualListModule);
    const t = this.localize.strings;
    const state = this.library.value;
    const items = state?.items ?? [];
    const view = { ...DEFAULT_VIEW, ...this.view.value, q: this.searchText };
    const total = state ? Math.max(state.total, items.length) : 0;
    // the size of what is loaded would understate a library with pages still on the server
    const bytes = state?.hasMore ? 0 : this.#listing.bytesOf(items);
    const overlay = this.selection.overlay;
    // a viewer gets no drop target and no upload button; the server would refuse them anyway
    const canUpload = permits(this.meState, 'upload');
    const selecting = this.selectedIds.length > 0;
    // the selection bar's buttons come with the bulk actions (loaded on idle, else now)
    if (selecting) this.lazy.use(bulkModule);
    const offers = selecting ? this.actions.offers() : { tag: true, delete: true };
    return html`
      <upload-dropzone
        part="dropzone"
        exportparts="overlay"
        .client=${this.client}
        .beforeAdd=${this.#parts.beforeAdd}
        theme=${this.theme}
        ?disabled=${!canUpload}
      >
        <div
          class="base ${this.localize.dir}"
          part="base"
          dir=${this.localize.dir}
          @keydown=${this.#onBaseKeyDown}
        >
          ${renderHeader(
            {
              total,
              bytes,
              live: serverMissing(this.client) ? 'missing' : this.live.value,
              uploads: this.uploadIds.value?.length ?? 0,
              refusal: this.#refusal,
              canUpload,
            },
            t,
            this.#headerActions,
          )}
          ${renderToolbar(
            {
              view,
              selectedCount: this.selectedIds.length,
              itemCount: items.length,
              canTag: offers.tag,
              canDelete: offers.delete,
              tags: this.tagList.tags,
              canAudit: permits(this.meState, 'audit'),
            },
            t,
            this.#toolbarActions,
          )}
          ${
            view.mode === 'list' && items.length > 0
              ? renderListHead(view, t, (key) => this.client?.sortBy(key, true))
              : nothing
          }
          <div class="content">
            ${this.#renderBody(state, items, view)}
            ${
              state?.loadingMore && items.length > 0
                ? html`<div class="loading-more" part="loading-more" role="status">
                    <span class="spinner"></span>${t.loading}
                  </div>`
                : nothing
            }
            ${
              overlay
                ? html`<div
                    class="selection-rect"
                    part="selection-rect"
                    style="left:${overlay.left}px;top:${overlay.top}px;width:${overlay.width}px;height:${overlay.height}px"
                  ></div>`
                : nothing
            }
          </div>
        </div>
      </upload-dropzone>
      ${renderToasts(this.toasts, t.close, this.#toastList())} ${this.#parts.render(t)}
      <upload-panel
        part="panel"
        .client=${this.client}
        theme=${this.theme}
        @mb-panel-dismiss=${this.focusKeeper.onPanelDismiss}
      ></upload-panel>
    `;
  }

  /** the toasts' full look: loaded when the first toast shows, if idle time has not brought it yet */
  #toastList() {
    const list = this.toasts.toasts.length > 0 ? this.lazy.use(toastListModule) : toastListModule.value;
    return list?.renderToastList;
  }

  #renderBody(state: LibraryState | undefined, items: MediaFile[], view: ViewState) {
    const t = this.localize.strings;
    const shown = renderState(state, view, t, {
      canUpload: permits(this.meState, 'upload'),
      refusal: this.#refusal,
      reload: () => this.actions.reload(),
      openPicker: () => this.openPicker(),
    });
    if (shown) return shown;
    // Per-item state is looked up while rendering, so only the visible items pay for it.
    this.#rows.use({
      items,
      uploads: this.uploads.value ?? {},
      selected: this.selectionStore.value,
      leaving: this.actions.leaving,
      active: this.selection.activeIndex,
      posters: this.posters.value,
      render: view.mode === 'grid' ? renderGridItem : renderListItem,
      t,
    });
    const list = {
      mode: view.mode,
      keys: this.#rows.keysOf(items),
      renderItem: this.#rows.renderItem,
      viewport: this.#firstScreen.viewport,
    };
    return renderList(list, t, this.#listHandlers);
  }

  #listHandlers: ListHandlers = {
    click: this.selection.onClick,
    dblclick: this.selection.onDblClick,
    keydown: this.selection.onKeyDown,
    focus: this.focusKeeper.onListFocus,
    pointerdown: this.selection.onPointerDown,
    visibilityChanged: (event: Event & { first?: number; last?: number }) => {
      this.focusKeeper.onVisibility(event.first ?? -1);
      this.#listing.visible(event.last ?? -1);
      this.#loadMoreIfNearEnd();
    },
    rangeChanged: this.#rows.onRangeChanged,
  };
}
