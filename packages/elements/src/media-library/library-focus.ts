// Where focus goes in the library (issue 18): fallbacks when the control that had it went away (the
// grid, else the toolbar), the grid's keyboard start after a wheel scroll (the first item in view),
// the floating upload panel kept off the grid item the keyboard is on, and focus handed to the
// "Uploads" button when the panel is closed from inside.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UploadPanel } from '../upload-panel/upload-panel.component.js';
import { itemDomId } from './selection-controller.js';

type Host = ReactiveControllerHost & HTMLElement & { listbox(): HTMLElement | null };

/** whether `item` shows in the listbox's box now (partly counts) */
function inView(listbox: HTMLElement, item: Element | null): boolean {
  if (!item) return false;
  const box = listbox.getBoundingClientRect();
  const rect = item.getBoundingClientRect();
  return rect.bottom > box.top && rect.top < box.bottom;
}

/** the lowest index among the rendered items in view, -1 when none is */
function firstInView(listbox: HTMLElement): number {
  let first = -1;
  for (const item of listbox.querySelectorAll<HTMLElement>('[data-index]')) {
    const index = Number(item.dataset.index);
    if ((first < 0 || index < first) && inView(listbox, item)) first = index;
  }
  return first;
}

export class LibraryFocusController implements ReactiveController {
  #host: Host;
  /** the selection controller: the grid's active index */
  #selection: { activeIndex: number };
  /**
   * the active index when the grid took focus with no rendered item in view (a scroll the virtualizer
   * has not handled yet): its next visibility report says where the keyboard starts; -1 when none waits
   */
  #startPending = -1;
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
    const pending = this.#startPending;
    this.#startPending = -1;
    // still focused, and the keyboard has not moved since: it starts at the first item now in view
    const listbox = this.#host.listbox();
    const focused = !!listbox && this.#root?.activeElement === listbox;
    if (focused && first >= 0 && pending === this.#selection.activeIndex) this.#startAt(first);
    this.keepActiveClear();
  }

  /**
   * Tabbing into the grid after scrolling it away from the active item: the keyboard starts at the
   * first item in view, not at an item out of sight (whose first arrow would jump back to it). What is
   * in view is read from the items' boxes now, not from the virtualizer's last report: focus can come
   * before the frame in which the virtualizer hears of a scroll (at once after a wheel, and the later
   * the busier the machine). When no rendered item is in view yet, its next report decides.
   */
  onListFocus = (): void => {
    const listbox = this.#host.listbox();
    if (listbox && !inView(listbox, this.#activeItem())) {
      const first = firstInView(listbox);
      if (first >= 0) this.#startAt(first);
      else this.#startPending = this.#selection.activeIndex;
    }
    requestAnimationFrame(() => this.keepActiveClear());
  };

  #startAt(index: number): void {
    if (index === this.#selection.activeIndex) return;
    this.#selection.activeIndex = index;
    this.#host.requestUpdate();
  }

  /** the panel was closed from inside: focus goes to the button that brings it back */
  onPanelDismiss = (): void => {
    void this.#host.updateComplete.then(() =>
      this.#root?.querySelector<HTMLElement>('[part~="uploads-button"]')?.focus(),
    );
  };
}
