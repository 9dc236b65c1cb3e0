// <upload-panel>: the floating "Uploading 3 items" card. Renders `$uploads` and `$batch` of a client
// and sends pause/resume/cancel/retry back to it; it holds no upload state of its own.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BatchState } from '@mediabay/core';
import { MediabayElement } from '../shared/mediabay-element.js';
import { ClientEventsController } from '../shared/client-events.js';
import { StoreController } from '../shared/store-controller.js';
import { batchUrgent, paced, uploadsUrgent } from '../shared/paced-store.js';
import { canFocus } from '../shared/focus-keeper.js';
import { LazyController, lazyModule } from '../shared/lazy-part.js';
import { prefetchOnIdle } from '../shared/idle-prefetch.js';
import { addStyles } from '../shared/lazy-styles.js';
import { nextTask } from '../shared/next-task.js';
import { announcement } from './announcements.js';
import type { Avoiding } from './panel-avoid.js';
import type { PanelActions } from './panel-view.js';
import styles from './panel-host.styles.js';

/**
 * the card, its controls and styles: loaded with the first upload or show(), prefetched on idle; it is
 * part of the elements' one after-paint module (shared/after-paint.ts)
 */
const viewModule = lazyModule(() => import('../shared/after-paint.js').then((parts) => parts.panelView));

export type PanelPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'inline';

/**
 * @summary Floating panel with one row per upload: progress, time left, pause/resume/cancel/retry.
 *
 * @event mb-panel-toggle - The panel was minimised or restored. `detail.minimized`.
 * @event mb-panel-dismiss - The close button hid the panel (it comes back with the next upload, and
 *   when an upload fails).
 *
 * @csspart panel - The card.
 * @csspart header - Title bar with the overall state and the window buttons.
 * @csspart summary - Overall progress and time left.
 * @csspart overall-progress - The overall progress bar (shown while minimised too).
 * @csspart retry-all - The "Retry all failed" button, while uploads failed.
 * @csspart cancel-all - The "Cancel all" button, while uploads are on their way.
 * @csspart minimize-button - The header's minimise/restore button.
 * @csspart close-button - The header's close button.
 * @csspart list - The list of rows.
 * @csspart row - One upload (also `row-<status>`). Carries `data-operation-id`, `data-status`, and
 *   `data-waiting` (offline, unreachable, rate-limited, server-busy) while it waits to be tried again.
 * @csspart row-name - The file name.
 * @csspart row-detail - Size, percent, time left or status; the whole failure message of a failed row.
 * @csspart row-progress - The row's progressbar.
 * @csspart row-button - Pause, resume, cancel, retry buttons (also `row-<action>`).
 * @csspart row-queued - A row whose upload is queued (beside `row`).
 * @csspart row-uploading - A row whose upload is uploading (beside `row`).
 * @csspart row-paused - A row whose upload is paused (beside `row`).
 * @csspart row-processing - A row whose upload is processing (beside `row`).
 * @csspart row-ready - A row whose upload is ready (beside `row`).
 * @csspart row-error - A row whose upload is error (beside `row`).
 * @csspart row-canceled - A row whose upload is canceled (beside `row`).
 * @csspart row-pause - The row's pause button (beside `row-button`).
 * @csspart row-resume - The row's resume button (beside `row-button`).
 * @csspart row-cancel - The row's cancel button (beside `row-button`).
 * @csspart row-retry - The row's retry button (beside `row-button`).
 * @csspart row-choose - The row's "choose the file again" button (beside `row-button`).
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

  /** Hidden until a new upload starts or an upload fails. */
  @property({ type: Boolean, reflect: true }) dismissed = false;

  /**
   * Set while the panel keeps off the focused control: `flip` (moved to the other edge) or `fold`
   * (moved, and its list folded away); reflected as the `avoiding` attribute. Set by the panel itself.
   */
  avoiding: Avoiding = '';

  @state() private announcement = '';
  /** `navigator.onLine` is false: the title says what the rows wait for */
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;

  // progress renders at a pace a person can read (2 Hz, PACE_MS), a status change at once
  private readonly uploads = new StoreController(this, () => paced(this.client?.$uploads, uploadsUrgent));
  /** the row order: a new array only when uploads come or go, so progress never re-lays the list out */
  private readonly uploadIds = new StoreController(this, () => this.client?.$uploadIds);
  private readonly batch = new StoreController<BatchState>(this, () =>
    paced(this.client?.$batch, batchUrgent),
  );
  /** what the live region will say at the next update: every milestone since the last one */
  #heard: string[] = [];
  /** the rows the last update rendered */
  #ids: readonly string[] = [];
  #known = new Set<string>();
  #running = false;
  /** the card's actions and its keeping off the focused control, with the card's module */
  readonly #controls = new LazyController(this.lazy, viewModule, (m) => new m.PanelControls(this));
  #actions?: PanelActions;
  #failed = 0;

  constructor() {
    super();
    this.lazy.prefetch(viewModule);
    this.addEventListener('focusin', this.#onFocusIn);
    // Lifecycle events, not a diff of $uploads: a change costs one step however many rows wait.
    new ClientEventsController(this, () => this.client, {
      'upload-status': ({ item, previousStatus }) => {
        this.#say(announcement(previousStatus, item, this.localize.strings));
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchOnIdle(this.#prepare);
    this.offline = navigator.onLine === false;
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
  }

  /**
   * the card's first render, prepared on idle once its module is there (not in the first upload's
   * task); its strings and direction are resolved then too, and the card is rendered (hidden, with no
   * rows and its list's virtualizer), so the first upload only adds its row and shows it
   */
  #prepare = (): Promise<unknown> =>
    viewModule.load().then((view) => {
      view.preparePanel(this, this.localize.strings, this.localize.dir);
      this.requestUpdate();
    });

  #onNetwork = (): void => {
    this.offline = navigator.onLine === false;
  };

  /** Brings a dismissed or minimised panel back and moves focus into it. */
  show(): void {
    this.dismissed = false;
    this.minimized = false;
    this.lazy.use(viewModule);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.list')?.focus());
  }

  /**
   * Keeps the panel off `target` (a rectangle in the viewport, such as a grid's active item that the
   * panel would cover), moving it to the other edge or folding it; null brings it home. Focused
   * controls outside the panel are kept free without this call.
   */
  keepClear(target: DOMRect | null): void {
    // before the card's module there is no card to move
    this.#controls.value?.avoid.avoid(target);
  }

  /** @internal the rows' operation ids, in order */
  get rowIds(): readonly string[] {
    return this.uploadIds.value ?? [];
  }

  /** queues `message` for the live region; "Cancel all" over 10,000 says three of them and a count */
  #say(message: string | null): void {
    if (!message) return;
    this.#heard.push(message);
    const heard = this.#heard;
    this.announcement =
      heard.length <= 3
        ? heard.join('. ')
        : `${heard.slice(0, 2).join('. ')}, ${this.localize.strings.andMore(heard.length - 2)}`;
  }

  /**
   * Rows coming to a panel that shows none render in a task of their own: the task that adds a file
   * already renders the library's new card and lays out its grid, and the panel's card and first row
   * in the same task made it the longest of an upload (issue 21). Every other update goes as usual.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.#ids.length > 0 || this.rowIds.length === 0) return super.scheduleUpdate();
    return nextTask().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // one summary when a batch is over ("30 uploads complete, 2 failed"), not one line per file
    const batch = this.batch.value;
    const running = !!batch && (batch.active || batch.counts.paused > 0);
    if (this.#running && !running && batch && batch.batchTotal > 0)
      this.#say(this.localize.strings.batchDone(batch.batchDone, batch.batchFailed));
    this.#running = running;
    // a failure is never silent: one more failed upload brings a dismissed panel back
    const failed = batch?.counts.error ?? 0;
    if (failed > this.#failed) this.dismissed = false;
    this.#failed = failed;
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

  #toggle(): void {
    this.minimized = !this.minimized;
    this.emit('mb-panel-toggle', { minimized: this.minimized });
  }

  #dismiss(): void {
    const hadFocus = !!this.shadowRoot?.activeElement;
    this.dismissed = true;
    this.emit('mb-panel-dismiss', {});
    // focus goes back where it came from, not to <body> (a host such as the library may move it on)
    if (hadFocus && canFocus(this.#cameFrom)) this.#cameFrom.focus();
  }

  /** the control that had focus before it entered the panel */
  #cameFrom: Element | null = null;

  #onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (from instanceof Element && from !== this && !this.shadowRoot?.contains(from)) this.#cameFrom = from;
  };

  protected override render() {
    const t = this.localize.strings;
    const ids = this.uploadIds.value ?? [];
    const empty = ids.length === 0;
    // nothing to show before the first upload: the card's module is not needed yet
    const view = empty ? viewModule.value : this.lazy.use(viewModule);
    // the card's styles join the element's once its module is there
    if (view) addStyles(this, view.styles);
    const controls = this.#controls.value;
    this.#actions ??= controls && {
      cancelAll: controls.cancelAll,
      retryAll: controls.retryAll,
      row: controls.row,
      picked: controls.picked,
      toggle: () => this.#toggle(),
      dismiss: () => this.#dismiss(),
    };
    return html`
      <div class="live visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        view && this.#actions
          ? view.renderPanel(
              {
                t,
                dir: this.localize.dir,
                uploads: this.uploads.value ?? {},
                ids,
                batch: this.batch.value,
                offline: this.offline,
                minimized: this.minimized,
                hidden: empty || this.dismissed,
              },
              this.#actions,
            )
          : nothing
      }
    `;
  }
}
