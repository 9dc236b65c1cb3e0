// <upload-panel>: the floating "Uploading 3 items" card. Renders `$uploads` and `$batch` of a client
// and sends pause/resume/cancel/retry back to it; it holds no upload state of its own.
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { BatchState, UploadItem } from '@mediabay/core';
import { MediabayElement } from '../shared/mediabay-element.js';
import { ClientEventsController } from '../shared/client-events.js';
import { StoreController } from '../shared/store-controller.js';
import { formatPercent, formatTimeLeft } from '../shared/format.js';
import { icon } from '../shared/icons.js';
import { announcement } from './announcements.js';
import { renderRow, type RowAction } from './upload-row.js';
import styles from './upload-panel.styles.js';

export type PanelPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'inline';

/**
 * @summary Floating panel with one row per upload: progress, time left, pause/resume/cancel/retry.
 *
 * @event mb-panel-toggle - The panel was minimised or restored. `detail.minimized`.
 * @event mb-panel-dismiss - The close button hid the panel (it comes back with the next upload).
 *
 * @csspart panel - The card.
 * @csspart header - Title bar with the overall state and the window buttons.
 * @csspart summary - Overall progress and time left.
 * @csspart overall-progress - The overall progress bar.
 * @csspart list - The list of rows.
 * @csspart row - One upload (also `row-<status>`). Carries `data-operation-id` and `data-status`.
 * @csspart row-name - The file name.
 * @csspart row-detail - Size, percent, time left or status.
 * @csspart row-progress - The row's progressbar.
 * @csspart row-button - Pause, resume, cancel, retry buttons (also `row-<action>`).
 *
 * @cssproperty --mb-panel-width - Width of the panel. Default 380px.
 * @cssproperty --mb-panel-max-height - Height limit of the list. Default 320px.
 * @cssproperty --mb-panel-bg - Background. Defaults to `--mb-color-surface`.
 * @cssproperty --mb-panel-header-bg - Header background. Defaults to `--mb-color-surface-2`.
 * @cssproperty --mb-panel-offset - Distance from the viewport edges. Default 24px.
 * @cssproperty --mb-panel-z-index - Stacking order. Default 1000.
 */
export class UploadPanel extends MediabayElement {
  static override styles = styles;

  /** Where the panel floats; `inline` keeps it in the normal flow. */
  @property({ reflect: true }) position: PanelPosition = 'bottom-right';

  /** Only the header shows. */
  @property({ type: Boolean, reflect: true }) minimized = false;

  /** Hidden until a new upload starts. */
  @property({ type: Boolean, reflect: true }) dismissed = false;

  @state() private announcement = '';

  @query('input[type=file]') private picker!: HTMLInputElement;

  private readonly uploads = new StoreController(this, () => this.client?.$uploads);
  /** the row order: a new array only when uploads come or go, so progress never re-lays the list out */
  private readonly uploadIds = new StoreController(this, () => this.client?.$uploadIds);
  private readonly batch = new StoreController<BatchState>(this, () => this.client?.$batch);
  #choosing?: UploadItem;
  /** what the live region will say at the next update: every milestone since the last one */
  #heard: string[] = [];
  #ids: readonly string[] = [];
  #known = new Set<string>();

  constructor() {
    super();
    // Lifecycle events, not a diff of $uploads: a change costs one step however many rows wait.
    new ClientEventsController(this, () => this.client, {
      'upload-status': ({ item, previousStatus }) => {
        const message = announcement(previousStatus, item, this.localize.strings);
        if (!message) return;
        this.#heard.push(message);
        this.announcement = this.#heard.join('. ');
      },
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new operation ID brings a dismissed panel back, like Drive's. The list is a new array only
    // when uploads come or go, so this look runs then, not on progress.
    const ids = this.uploadIds.value ?? [];
    if (ids === this.#ids) return;
    if (ids.some((id) => !this.#known.has(id))) this.dismissed = false;
    this.#ids = ids;
    this.#known = new Set(ids);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#heard = [];
  }

  #onAction = (action: RowAction, item: UploadItem): void => {
    const client = this.client;
    if (!client) return;
    if (action === 'choose') {
      this.#choosing = item;
      this.picker.click();
      return;
    }
    client[action](item.operationId);
  };

  #onPicked(): void {
    const files = [...(this.picker.files ?? [])];
    this.picker.value = '';
    if (files.length > 0 && this.#choosing) this.client?.addFiles(files);
    this.#choosing = undefined;
  }

  #toggle(): void {
    this.minimized = !this.minimized;
    this.emit('mb-panel-toggle', { minimized: this.minimized });
  }

  #dismiss(): void {
    this.dismissed = true;
    this.emit('mb-panel-dismiss', {});
  }

  #title(batch: BatchState | undefined): string {
    const t = this.localize.strings;
    if (!batch) return t.panelLabel;
    const working =
      batch.counts.queued + batch.counts.uploading + batch.counts.paused + batch.counts.processing;
    if (working > 0) return t.panelUploading(working);
    if (batch.counts.error > 0) return t.panelFailed(batch.counts.error);
    return t.panelDone(batch.counts.ready);
  }

  protected override render() {
    const t = this.localize.strings;
    const uploads = this.uploads.value ?? {};
    const ids = this.uploadIds.value ?? [];
    const batch = this.batch.value;
    const empty = ids.length === 0;
    const left = formatTimeLeft(batch?.timeRemaining ?? null, t.locale);
    const showSummary = !!batch?.active && !this.minimized;
    return html`
      <div class="live visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <input class="visually-hidden" type="file" tabindex="-1" aria-hidden="true" @change=${this.#onPicked} />
      <section
        class="panel"
        part="panel"
        dir=${this.localize.dir}
        aria-label=${t.panelLabel}
        ?hidden=${empty || this.dismissed}
      >
        <header class="header" part="header">
          <h2 class="title">${this.#title(batch)}</h2>
          <button
            class="icon-button"
            part="minimize-button"
            type="button"
            aria-expanded=${String(!this.minimized)}
            aria-label=${this.minimized ? t.maximize : t.minimize}
            title=${this.minimized ? t.maximize : t.minimize}
            @click=${this.#toggle}
          >
            ${icon(this.minimized ? 'expandLess' : 'expandMore')}
          </button>
          <button
            class="icon-button"
            part="close-button"
            type="button"
            aria-label=${t.dismiss}
            title=${t.dismiss}
            @click=${this.#dismiss}
          >
            ${icon('close')}
          </button>
        </header>
        ${
          showSummary && batch
            ? html`<div class="summary" part="summary">
                <span class="summary-text"
                  ><bdi>${left ? t.timeLeft(left) : formatPercent(batch.progress, t.locale)}</bdi> ·
                  <bdi>${t.panelProgress(batch.counts.ready, batch.total)}</bdi></span
                >
                <button class="text-button" type="button" @click=${() => this.client?.cancelAll()}>
                  ${t.cancelAll}
                </button>
                <div
                  class="overall"
                  part="overall-progress"
                  role="progressbar"
                  aria-label=${t.panelLabel}
                  aria-valuemin="0"
                  aria-valuemax="100"
                  aria-valuenow=${Math.round(batch.progress)}
                >
                  <div class="bar-fill" style="transform:scaleX(${batch.progress / 100})"></div>
                </div>
              </div>`
            : nothing
        }
        <div class="list" part="list" tabindex="0" ?hidden=${this.minimized}>
          <ul class="rows" aria-label=${t.panelLabel}>
            ${
              // Only the rows in view exist: 10,000 uploads cost what 10 do, on adding and on every
              // progress notification.
              virtualize({
                items: ids as string[], // read only here as well
                keyFunction: (id: string) => id,
                renderItem: (id: string) => {
                  const item = uploads[id];
                  // a row renders again when its upload moved, not on every frame of the others
                  return html`${item ? guard([item, t], () => renderRow(item, t, this.#onAction)) : nothing}`;
                },
              })
            }
          </ul>
        </div>
      </section>
    `;
  }
}
