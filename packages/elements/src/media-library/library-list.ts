// <media-library>'s listbox: the virtualizer once its module is there (virtual-list.ts), else the first
// screen drawn where it will put the items (first-screen.ts), busy until it takes over. Both are the
// same listbox to a user: focusable, with the same click, keyboard and drag-rectangle handlers (the
// selection controller follows the listbox that replaces the first screen, focus and a drag included).
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { MediabayStrings } from '../i18n/en.js';
import { renderFirstScreen, type Viewport } from './first-screen.js';
import { keyOfKey } from './library-rows.js';
import { virtualListModule } from './lazy-modules.js';

type Handler<E extends Event = Event> = (event: E) => void;

export interface ListView {
  mode: 'grid' | 'list';
  keys: readonly string[];
  renderItem: (key: string, index: number) => unknown;
  /** the first screen's box, once measured */
  viewport: Viewport | undefined;
}

export interface ListHandlers {
  click: Handler<MouseEvent>;
  dblclick: Handler<MouseEvent>;
  keydown: Handler<KeyboardEvent>;
  focus: Handler<FocusEvent>;
  pointerdown: Handler<PointerEvent>;
  visibilityChanged: Handler<Event & { first?: number; last?: number }>;
  rangeChanged: Handler<Event & { first?: number; last?: number }>;
}

export function renderList(list: ListView, t: MediabayStrings, on: ListHandlers): unknown {
  const virtual = virtualListModule.value;
  if (!virtual) {
    return html`<div
      class="items ${list.mode} first-screen"
      part="items"
      role="listbox"
      tabindex="0"
      aria-label=${t.libraryLabel}
      aria-multiselectable="true"
      aria-busy="true"
      @click=${on.click}
      @dblclick=${on.dblclick}
      @keydown=${on.keydown}
      @focus=${on.focus}
      @pointerdown=${on.pointerdown}
    >
      ${list.viewport ? renderFirstScreen(list.mode, list.keys, list.viewport, list.renderItem) : nothing}
    </div>`;
  }
  // A fresh virtualizer per mode: the grid layout leaves sizes on the children that flow keeps.
  return keyed(
    list.mode,
    html`<lit-virtualizer
      class="items ${list.mode}"
      part="items"
      role="listbox"
      tabindex="0"
      aria-label=${t.libraryLabel}
      aria-multiselectable="true"
      scroller
      .items=${list.keys}
      .keyFunction=${keyOfKey}
      .layout=${list.mode === 'grid' ? virtual.gridLayout : virtual.listLayout}
      .renderItem=${list.renderItem}
      @click=${on.click}
      @dblclick=${on.dblclick}
      @keydown=${on.keydown}
      @focus=${on.focus}
      @pointerdown=${on.pointerdown}
      @visibilityChanged=${on.visibilityChanged}
      @rangeChanged=${on.rangeChanged}
    ></lit-virtualizer>`,
  );
}
