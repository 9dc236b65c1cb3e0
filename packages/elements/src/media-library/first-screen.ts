// What <media-library> shows when its first files arrive before the virtualizer (virtual-list.ts) has
// loaded: the items of the first screen, each where the virtualizer's layout will put it (the grid's
// flex metrics computed the same way), in a box of the virtualizer's size and scroll height. When the
// virtualizer arrives it takes over with the same positions: no jump, no blank screen meanwhile.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** the grid layout's item size, gap and padding (px) */
export const GRID = { width: 220, height: 212, gap: 16, padding: 16 } as const;
/** at most this many list rows before the virtualizer (a row is at least this tall, px) */
const MIN_ROW_HEIGHT = 40;

export interface Viewport {
  width: number;
  height: number;
}

export interface Cell {
  index: number;
  x: number;
  y: number;
  width: number;
}

/** The virtualizer's grid metrics (GridBaseLayout with `flex: { preserve: 'height' }`) for `width`. */
export function gridMetrics(width: number): { columns: number; itemWidth: number } {
  const { width: ideal, gap, padding } = GRID;
  const available = width - 2 * padding;
  if (available <= 0) return { columns: 0, itemWidth: 0 };
  let columns = available >= ideal ? Math.floor((available - ideal) / (ideal + gap)) + 1 : 0;
  const taken = columns * ideal + Math.max(0, columns - 1) * gap;
  // a column more when at least half an item is left over (items shrink to fit)
  if ((available - taken) / (ideal + gap) >= 0.5) columns += 1;
  if (columns === 0) return { columns: 0, itemWidth: 0 };
  return { columns, itemWidth: Math.round((available - gap * (columns - 1)) / columns) };
}

/** The grid cells of items 0..count-1 that are in view, and the grid's whole height. */
export function gridCells(count: number, viewport: Viewport): { cells: Cell[]; height: number } {
  const { height: itemHeight, gap, padding } = GRID;
  const { columns, itemWidth } = gridMetrics(viewport.width);
  if (columns === 0 || count === 0) return { cells: [], height: 0 };
  const rows = Math.ceil(count / columns);
  const inView = Math.min(rows, Math.ceil((viewport.height - padding) / (itemHeight + gap)) || 1);
  const cells: Cell[] = [];
  for (let index = 0; index < Math.min(count, inView * columns); index++) {
    const column = index % columns;
    const row = Math.floor(index / columns);
    cells.push({
      index,
      x: padding + column * (itemWidth + gap),
      y: padding + row * (itemHeight + gap),
      width: itemWidth,
    });
  }
  return { cells, height: 2 * padding + rows * (itemHeight + gap) - gap };
}

/** How many list rows fill `viewport` at most. */
export const listRowsInView = (count: number, viewport: Viewport): number =>
  Math.min(count, Math.ceil(viewport.height / MIN_ROW_HEIGHT) + 1);

/** The first screen's items: absolutely placed grid cells, or the first rows of the list. */
export function renderFirstScreen(
  mode: 'grid' | 'list',
  keys: readonly string[],
  viewport: Viewport,
  renderItem: (key: string, index: number) => unknown,
): TemplateResult[] {
  if (mode === 'list')
    return keys
      .slice(0, listRowsInView(keys.length, viewport))
      .map((key, index) => html`<div class="first-cell">${renderItem(key, index)}</div>`);
  const { cells, height } = gridCells(keys.length, viewport);
  const sizer = html`<div class="first-sizer" style="height:${height}px"></div>`;
  return [
    sizer,
    ...cells.map(
      (cell) =>
        html`<div
          class="first-cell"
          style="transform:translate(${cell.x}px, ${cell.y}px);width:${cell.width}px;height:${GRID.height}px"
        >
          ${renderItem(keys[cell.index]!, cell.index)}
        </div>`,
    ),
  ];
}

/**
 * The first screen's box as the virtualizer measures it (its part in the window), watched with a
 * ResizeObserver: it reports after layout and before paint, so the items render in the same frame.
 * When the virtualizer takes over, focus moves on to it if the first screen had it.
 */
export class FirstScreenBox implements ReactiveController {
  viewport: Viewport | undefined;
  readonly #host: ReactiveControllerHost;
  #watched: HTMLElement | null = null;
  #observer: ResizeObserver | undefined;
  /** the first screen had focus before this update, and how far it was scrolled */
  #focused = false;
  #scrollTop = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    const root = this.#watched?.getRootNode() as Document | ShadowRoot | undefined;
    this.#focused = !!root && root.activeElement === this.#watched;
    this.#scrollTop = this.#watched?.scrollTop ?? 0;
  }

  hostDisconnected(): void {
    this.watch(null);
  }

  /** Watches `box` (null: stops, once the virtualizer has taken over; `next` is its listbox). */
  watch(box: HTMLElement | null, next?: HTMLElement | null): void {
    if (box === this.#watched) return;
    this.#observer?.disconnect();
    this.#watched = box;
    if (!box && next?.isConnected) this.#handOver(next);
    this.#focused = false;
    if (!box) return;
    this.#observer ??= new ResizeObserver(() => this.#measure());
    this.#observer.observe(box);
  }

  /** the virtualizer gets the first screen's focus and, once it has laid its items out, its scroll */
  #handOver(next: HTMLElement & { layoutComplete?: Promise<unknown> }): void {
    if (this.#focused) next.focus({ preventScroll: true });
    const top = this.#scrollTop;
    if (top > 0) void next.layoutComplete?.then(() => (next.scrollTop ||= top));
  }

  #measure(): void {
    const box = this.#watched?.getBoundingClientRect();
    if (!box) return;
    const width = Math.max(0, Math.min(box.right, innerWidth) - Math.max(box.left, 0));
    const height = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    if (this.viewport?.width === width && this.viewport.height === height) return;
    this.viewport = { width, height };
    this.#host.requestUpdate();
  }
}
