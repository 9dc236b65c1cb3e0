// The panel's card (header, summary, virtualized rows) and its styles: loaded with the first upload
// (or show()), prefetched on idle, so a page without uploads never waits for it. The element
// (upload-panel.component.ts) keeps the state and the actions; this only renders them.
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { virtualize, type VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';
import { computeBatch, type BatchState, type UploadItem } from '@mediabay/core';
import type { MediabayStrings } from '../i18n/en.js';
import { iconButton } from '../shared/buttons.js';
import { icon } from '../shared/icons-later.js';
import { panelTitle, renderSummary, type SummaryActions } from './panel-summary.js';
import { renderRow, type RowAction } from './upload-row.js';
import { addStyles } from '../shared/lazy-styles.js';
import { whenIdle } from '../shared/idle-prefetch.js';
import { layOutUnseen, SAMPLE_UPLOAD } from '../shared/unseen-layout.js';
import styles from './upload-panel.styles.js';

export { styles };
export { PanelControls } from './panel-controls.js';

export interface PanelView {
  t: MediabayStrings;
  dir: string;
  uploads: Record<string, UploadItem>;
  /** the row order */
  ids: readonly string[];
  batch: BatchState | undefined;
  offline: boolean;
  minimized: boolean;
  hidden: boolean;
}

export interface PanelActions extends SummaryActions {
  toggle(): void;
  dismiss(): void;
  row(action: RowAction, item: UploadItem): void;
  /** the picker of a row's "choose the file again" */
  picked(event: Event): void;
}

/** The list's virtualizer config, and the view its rows read (the last one rendered). */
interface Rows {
  view: PanelView;
  config: VirtualizeDirectiveConfig<string>;
}

/** per panel (its actions are made once per element) */
const rowsOf = new WeakMap<PanelActions, Rows>();

/**
 * The same config, with the same functions, from render to render; a new one only when the row order
 * changes (`ids` is a new array only when uploads come or go). A progress round hands the virtualizer
 * what it had, and each row renders again only when its upload moved.
 */
function rowsConfig(view: PanelView, actions: PanelActions): VirtualizeDirectiveConfig<string> {
  let rows = rowsOf.get(actions);
  if (!rows) {
    const made: Rows = {
      view,
      config: {
        items: view.ids as string[], // read only here as well
        keyFunction: (id: string) => id,
        renderItem: (id: string) => {
          const { uploads, t } = made.view;
          const item = uploads[id];
          // a row renders again when its upload moved, not on every frame of the others
          return html`${item ? guard([item, t], () => renderRow(item, t, actions.row)) : nothing}`;
        },
      },
    };
    rows = made;
    rowsOf.set(actions, rows);
  }
  rows.view = view;
  if (rows.config.items !== view.ids) rows.config = { ...rows.config, items: view.ids as string[] };
  return rows.config;
}

export function renderPanel(view: PanelView, actions: PanelActions): TemplateResult {
  const { t, minimized } = view;
  return html`<input
      class="visually-hidden"
      type="file"
      tabindex="-1"
      aria-hidden="true"
      @change=${actions.picked}
    />
    <section class="panel" part="panel" dir=${view.dir} aria-label=${t.panelLabel} ?hidden=${view.hidden}>
      <header class="header" part="header">
        <h2 class="title">${panelTitle(view.batch, t, view.offline)}</h2>
        <button
          class="icon-button"
          part="minimize-button"
          type="button"
          aria-expanded=${String(!minimized)}
          aria-label=${minimized ? t.maximize : t.minimize}
          title=${minimized ? t.maximize : t.minimize}
          @click=${actions.toggle}
        >
          ${icon(minimized ? 'expandLess' : 'expandMore')}
        </button>
        ${iconButton('close-button', icon('close'), t.dismiss, actions.dismiss)}
      </header>
      ${renderSummary(view.batch, t, actions)}
      <div class="list" part="list" tabindex="0" ?hidden=${minimized}>
        <ul class="rows" aria-label=${t.panelLabel}>
          ${
            // Only the rows in view exist: 10,000 uploads cost what 10 do, on adding and on every
            // progress notification.
            virtualize(rowsConfig(view, actions))
          }
        </ul>
      </div>
    </section>`;
}

const noop = (): void => {};
let rehearsed = false;

/**
 * Does on idle, before the first upload, what the card's first render would do in the upload's own
 * task: the card's styles join the host's sheets, and the card and a row with a sample upload are
 * laid out unseen and dropped (shared/unseen-layout.ts), so the task that adds the first file only
 * clones and fills, in fonts the browser already has.
 */
export function preparePanel(host: ReactiveElement, t: MediabayStrings, dir: string): void {
  whenIdle(() => {
    addStyles(host, styles);
    if (rehearsed) return;
    rehearsed = true;
    const item = SAMPLE_UPLOAD;
    const view: PanelView = {
      t,
      dir,
      uploads: { sample: item },
      ids: ['sample'],
      batch: computeBatch([item], 1),
      offline: false,
      minimized: false,
      hidden: false,
    };
    const actions = { toggle: noop, dismiss: noop, row: noop, picked: noop, cancelAll: noop, retryAll: noop };
    // the row apart: the list's virtualizer would render it a microtask later
    layOutUnseen(
      host.renderRoot,
      renderPanel(view, actions),
      html`<ul class="rows">
        ${renderRow(item, t, noop)}
      </ul>`,
    );
  });
}
