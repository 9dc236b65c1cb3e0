// Where focus goes in the library (issue 18): fallbacks when the control that had it went away (the
// grid, else the toolbar), the grid's keyboard start after a wheel scroll (the first item in view),
// the floating upload panel kept off the grid item the keyboard is on, and focus handed to the
// "Uploads" button when the panel is closed from inside.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UploadPanel } from '../upload-panel/upload-panel.component.js';
import { itemDomId } from './selection-controller.js';

type Host = ReactiveControllerHost & HTMLElement & { listbox(): HTMLElement | null };

export class LibraryFocusController implements ReactiveController {
  #host: Host;
  /** the selection controller: the grid's active index */
  #selection: { activeIndex: number };
  /** index of the first item in view, from the virtualizer's visibilityChanged */
  #firstVisible = -1;
  /** the active index the panel was last kept off */
  #keptClear = -1;

  constructor(host: Host, selection: { activeIndex: number }) {
    this.#host = host;
    this.#selection = selection;
    host.addController(this);
  }

  hostUpdated(): void {
    const active = this.#selection.activeIndex;
    if (active === this.#keptClear) return;
    this.#keptClear = active;
    requestAnimationFrame(() => this.keepActiveClear());
  }

  get #root(): ShadowRoot | null {
    return this.#host.shadowRoot;
  }

  #activeItem(): Element | null {
    return this.#host.listbox()?.querySelector(`#${itemDomId(this.#selection.activeIndex)}`) ?? null;
  }

  /** where focus goes when the control that had it went away: the grid, else the toolbar */
  *fallbacks(): Generator<Element | null | undefined> {
    yield this.#host.listbox();
    const root = this.#root;
    yield root?.querySelector('[part~="select-all"]');
    yield root?.querySelector('[part~="search"] input');
    yield root?.querySelector('[part~="upload-button"]');
  }

  /** the panel floats over the grid: keep it off the item the keyboard is on */
  keepActiveClear(): void {
    const listbox = this.#host.listbox();
    if (!listbox || this.#root?.activeElement !== listbox) return;
    const item = this.#activeItem();
    this.#root?.querySelector<UploadPanel>('upload-panel')?.keepClear(item?.getBoundingClientRect() ?? null);
  }

  /** the virtualizer's visible range moved (a scroll) */
  onVisibility(first: number): void {
    this.#firstVisible = first;
    this.keepActiveClear();
  }

  /**
   * Tabbing into the grid after scrolling it away from the active item: the keyboard starts at the
   * first item in view, not at an item out of sight (whose first arrow would jump back to it).
   */
  onListFocus = (): void => {
    const box = this.#host.listbox()?.getBoundingClientRect();
    const rect = this.#activeItem()?.getBoundingClientRect();
    const inView = !!box && !!rect && rect.bottom > box.top && rect.top < box.bottom;
    if (!inView && this.#firstVisible >= 0) {
      this.#selection.activeIndex = this.#firstVisible;
      this.#host.requestUpdate();
    }
    requestAnimationFrame(() => this.keepActiveClear());
  };

  /** the panel was closed from inside: focus goes to the button that brings it back */
  onPanelDismiss = (): void => {
    void this.#host.updateComplete.then(() =>
      this.#root?.querySelector<HTMLElement>('[part~="uploads-button"]')?.focus(),
    );
  };
}
