// Pointer and keyboard selection for <media-library>, all through `client.selection`: click,
// Shift range, Ctrl/Cmd toggle, drag rectangle with auto-scroll, arrows, Space, Enter, Escape,
// Ctrl/Cmd+A and Delete. The listbox keeps focus and points at the active item (activedescendant).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hitTest, rectFromPoints, type MediaClient, type Rect } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import { autoScrollSpeed, columnsFrom, nextIndex } from './navigation.js';

export interface SelectionHost extends ReactiveControllerHost {
  readonly client?: MediaClient | undefined;
  readonly items: MediaFile[];
  readonly rtl: boolean;
  /** the scrolling listbox (the virtualizer), when items are shown */
  listbox():
    | (HTMLElement & {
        element?(index: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined;
      })
    | null;
  openItem(file: MediaFile): void;
  requestDelete(): void;
}

interface Drag {
  pointerId: number;
  /** the listbox that listens to the drag (the virtualizer replaces the first screen's midway) */
  listbox: HTMLElement;
  startX: number;
  /** in content coordinates (scrollTop included) */
  startY: number;
  /** where the press happened, to tell a drag from a click */
  originX: number;
  originY: number;
  clientX: number;
  clientY: number;
  additive: boolean;
  moved: boolean;
  boxes: Map<string, Rect>;
}

export const itemDomId = (index: number) => `mb-item-${index}`;

export class LibrarySelectionController implements ReactiveController {
  /** the item the keyboard acts on */
  activeIndex = 0;
  /** the drag rectangle in the listbox's visible coordinates, for the host to draw */
  overlay: Rect | null = null;

  #host: SelectionHost;
  #drag: Drag | null = null;
  #frame = 0;
  /** when the last auto-scroll step ran (rAF time), 0 when none has yet */
  #scrolledAt = 0;
  #suppressClick = false;

  constructor(host: SelectionHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#scrolledAt = 0;
    if (this.#drag) this.#unlisten(this.#drag.listbox);
    this.#drag = null;
  }

  hostUpdated(): void {
    // Point the listbox at the active item only while it is rendered (aria must not dangle).
    const listbox = this.#host.listbox();
    if (!listbox) return;
    if (this.#drag && this.#drag.listbox !== listbox) this.#follow(this.#drag, listbox);
    const id = itemDomId(this.activeIndex);
    if (listbox.querySelector(`#${id}`)) listbox.setAttribute('aria-activedescendant', id);
    else listbox.removeAttribute('aria-activedescendant');
  }

  get #ids(): string[] {
    return this.#host.items.map((file) => file.id);
  }

  #itemAt(event: Event): { index: number; file: MediaFile } | null {
    for (const node of event.composedPath()) {
      if (node instanceof HTMLElement && node.dataset.index !== undefined) {
        const index = Number(node.dataset.index);
        const file = this.#host.items[index];
        return file ? { index, file } : null;
      }
      if (node === this.#host.listbox()) break;
    }
    return null;
  }

  onClick = (event: MouseEvent): void => {
    const selection = this.#host.client?.selection;
    if (!selection) return;
    if (this.#suppressClick) {
      this.#suppressClick = false;
      return;
    }
    const hit = this.#itemAt(event);
    if (!hit) {
      if (!event.shiftKey && !event.ctrlKey && !event.metaKey) selection.clear();
      return;
    }
    if (event.shiftKey) selection.selectRange(hit.file.id, this.#ids);
    else if (event.ctrlKey || event.metaKey) selection.toggle(hit.file.id);
    else {
      selection.clear();
      selection.toggle(hit.file.id);
    }
    this.#activate(hit.index, false);
    this.#host.listbox()?.focus({ preventScroll: true });
  };

  onDblClick = (event: MouseEvent): void => {
    const hit = this.#itemAt(event);
    if (hit) this.#host.openItem(hit.file);
  };

  onKeyDown = (event: KeyboardEvent): void => {
    const client = this.#host.client;
    const items = this.#host.items;
    if (!client || items.length === 0) return;
    const selection = client.selection;
    // The list may have shrunk (a delete, a new search) since the active index was set.
    const current = Math.min(this.activeIndex, items.length - 1);
    const active = items[current];
    const target = nextIndex(event.key, current, items.length, this.#columns(), this.#host.rtl);
    if (target !== null) {
      event.preventDefault();
      if (event.shiftKey) selection.selectRange(items[target]!.id, this.#ids);
      this.#activate(target, true);
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === ' ' && active) {
      event.preventDefault();
      if (event.shiftKey) selection.selectRange(active.id, this.#ids);
      else selection.toggle(active.id);
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      this.#host.openItem(active);
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selection.selectAll(this.#ids);
    } else if (event.key === 'Escape' && client.$selection.get().size > 0) {
      event.preventDefault();
      selection.clear();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && client.$selection.get().size > 0) {
      event.preventDefault();
      this.#host.requestDelete();
    }
  };

  onPointerDown = (event: PointerEvent): void => {
    // a drag whose click never came (it ended on a listbox that replaced the first) swallows none
    this.#suppressClick = false;
    const listbox = this.#host.listbox();
    if (!listbox || event.button !== 0 || event.pointerType === 'touch' || this.#itemAt(event)) return;
    const bounds = listbox.getBoundingClientRect();
    // A press on the scrollbar is for scrolling, not for a rectangle.
    if (event.clientX - bounds.left > listbox.clientWidth && !this.#host.rtl) return;
    if (this.#host.rtl && event.clientX - bounds.left < bounds.width - listbox.clientWidth) return;
    event.preventDefault(); // no text selection while dragging
    listbox.focus({ preventScroll: true });
    const drag: Drag = {
      pointerId: event.pointerId,
      listbox,
      startX: event.clientX - bounds.left,
      startY: event.clientY - bounds.top + listbox.scrollTop,
      originX: event.clientX,
      originY: event.clientY,
      clientX: event.clientX,
      clientY: event.clientY,
      additive: event.shiftKey || event.ctrlKey || event.metaKey,
      moved: false,
      boxes: new Map(),
    };
    this.#drag = drag;
    this.#follow(drag, listbox);
  };

  /** Listens to the drag on `listbox` (and captures the pointer there), no longer on the one before. */
  #follow(drag: Drag, listbox: HTMLElement): void {
    this.#unlisten(drag.listbox);
    drag.listbox = listbox;
    try {
      listbox.setPointerCapture(drag.pointerId); // keeps the drag alive outside the listbox
    } catch {
      // not an active pointer (synthetic events): listening on the listbox still works
    }
    listbox.addEventListener('pointermove', this.#onPointerMove);
    listbox.addEventListener('pointerup', this.#onPointerUp);
    listbox.addEventListener('pointercancel', this.#onPointerUp);
  }

  #unlisten(listbox: HTMLElement): void {
    listbox.removeEventListener('pointermove', this.#onPointerMove);
    listbox.removeEventListener('pointerup', this.#onPointerUp);
    listbox.removeEventListener('pointercancel', this.#onPointerUp);
  }

  #onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag.clientX = event.clientX;
    drag.clientY = event.clientY;
    if (!drag.moved && Math.hypot(event.clientX - drag.originX, event.clientY - drag.originY) < 4) return;
    drag.moved = true;
    this.#applyRect();
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#autoScroll);
  };

  #onPointerUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.#unlisten(drag.listbox);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#scrolledAt = 0;
    this.#drag = null;
    this.#suppressClick = drag.moved; // the click that ends a drag must not clear what it selected
    if (drag.moved) this.#host.client?.selection.endRect();
    this.overlay = null;
    this.#host.requestUpdate();
  };

  // The speed is per 60 Hz frame; a step scrolls by the time since the last one, so the list moves
  // at the same pace on a slow or busy machine (fewer frames) as on a fast one.
  #autoScroll = (now: number): void => {
    this.#frame = 0;
    const drag = this.#drag;
    const listbox = this.#host.listbox();
    if (!drag || !listbox) return;
    const frames = this.#scrolledAt ? Math.min(Math.max((now - this.#scrolledAt) / (1000 / 60), 0), 15) : 1;
    this.#scrolledAt = now;
    const bounds = listbox.getBoundingClientRect();
    const speed = Math.round(autoScrollSpeed(drag.clientY, bounds.top, bounds.bottom) * frames);
    if (speed !== 0) {
      const before = listbox.scrollTop;
      listbox.scrollTop += speed;
      if (listbox.scrollTop !== before) this.#applyRect();
    }
    this.#frame = requestAnimationFrame(this.#autoScroll);
  };

  /** Recomputes the rectangle and the ids under it, remembering boxes of items scrolled away. */
  #applyRect(): void {
    const drag = this.#drag;
    const listbox = this.#host.listbox();
    const client = this.#host.client;
    if (!drag || !listbox || !client) return;
    const bounds = listbox.getBoundingClientRect();
    const scrollTop = listbox.scrollTop;
    const x = Math.min(Math.max(drag.clientX - bounds.left, 0), listbox.clientWidth);
    const y = Math.min(Math.max(drag.clientY - bounds.top, 0), bounds.height) + scrollTop;
    const rect = rectFromPoints(drag.startX, drag.startY, x, y);
    for (const element of listbox.querySelectorAll<HTMLElement>('[data-index]')) {
      const box = element.getBoundingClientRect();
      const id = element.dataset.id;
      if (id)
        drag.boxes.set(id, {
          left: box.left - bounds.left,
          top: box.top - bounds.top + scrollTop,
          width: box.width,
          height: box.height,
        });
    }
    const alive = new Set(this.#ids);
    const hits = hitTest(
      rect,
      [...drag.boxes].filter(([id]) => alive.has(id)).map(([id, r]) => ({ id, rect: r })),
    );
    client.selection.setFromRect(hits, drag.additive);
    this.overlay = { ...rect, top: rect.top - scrollTop };
    this.#host.requestUpdate();
  }

  #columns(): number {
    const listbox = this.#host.listbox();
    if (!listbox) return 1;
    const tops = [...listbox.querySelectorAll<HTMLElement>('[data-index]')]
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((element) => element.getBoundingClientRect().top);
    return columnsFrom(tops);
  }

  #activate(index: number, scroll: boolean): void {
    this.activeIndex = index;
    const listbox = this.#host.listbox();
    // the virtualizer scrolls to any item; the first screen before it, to the items it drew
    const item = listbox?.element ? listbox.element(index) : listbox?.querySelector(`#${itemDomId(index)}`);
    if (scroll) item?.scrollIntoView({ block: 'nearest' });
    this.#host.requestUpdate();
  }
}
