// What the library's virtualizer gets: item keys that change only when the order of items does, and
// one stable renderItem over the latest lists and stores. The virtualizer re-lays its list out when
// its items array changes and updates (and reflows) whenever a property does; an upload turning ready
// changes neither, so only the items in the DOM that would look different render again.
import { nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { UploadItem } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import type { MediabayStrings } from '../i18n/en.js';
import type { ItemView } from './library-item.js';
import { itemDomId } from './selection-controller.js';

/** This render's lists and stores: everything an item's look comes from. */
export interface RowSource {
  items: readonly MediaFile[];
  uploads: Readonly<Record<string, UploadItem>>;
  selected: ReadonlySet<string> | undefined;
  leaving: ReadonlySet<string>;
  active: number;
  posters: ReadonlyMap<string, string> | undefined;
  render: (view: ItemView, t: MediabayStrings) => TemplateResult;
  t: MediabayStrings;
}

interface Shown {
  view: ItemView;
  render: RowSource['render'];
  t: MediabayStrings;
}

/** What an item's look depends on besides render and strings (domId follows index). */
const VIEW_KEYS = ['file', 'upload', 'selected', 'active', 'leaving', 'index', 'total', 'poster'] as const;

/** An upload's entry keeps its key when the server's record replaces the optimistic one. */
export const itemKey = (file: MediaFile): string => file.operationId || file.id;
export const keyOfKey = (key: string): string => key;

/** Keys must be unique: a second file of one operation (older data) is keyed by its id. */
function keysFor(items: readonly MediaFile[]): string[] {
  const seen = new Set<string>();
  return items.map((file) => {
    const key = itemKey(file);
    if (seen.has(key)) return file.id;
    seen.add(key);
    return key;
  });
}

function viewAt(rows: RowSource, index: number): ItemView {
  const file = rows.items[index]!;
  return {
    file,
    upload: rows.uploads[file.operationId],
    selected: rows.selected?.has(file.id) ?? false,
    active: index === rows.active,
    leaving: rows.leaving.has(file.id),
    index,
    total: rows.items.length,
    domId: itemDomId(index),
    poster: rows.posters?.get(file.operationId),
  };
}

export class LibraryRows {
  #keys: readonly string[] = [];
  #keyedItems?: readonly MediaFile[];
  #rows?: RowSource;
  /** the items the virtualizer has in the DOM (rangeChanged), and what each showed when last rendered */
  #range = { first: 0, last: -1 };
  #shown = new Map<number, Shown>();
  #stale = false;

  /** The keys in display order: the same array while the order of keys stays the same. */
  keysOf(items: readonly MediaFile[]): readonly string[] {
    const before = this.#keyedItems;
    if (items === before) return this.#keys;
    this.#keyedItems = items;
    const keys = this.#keys;
    // (the same file object in the same place has the same key: most of a list of thousands)
    const same =
      keys.length === items.length &&
      items.every((file, i) => file === before?.[i] || itemKey(file) === keys[i]);
    if (!same) this.#keys = keysFor(items);
    return this.#keys;
  }

  /** Takes this render's source; notes whether an item in the DOM would now look different. */
  use(rows: RowSource): void {
    this.#rows = rows;
    this.#stale ||= this.#differs(rows);
  }

  /**
   * Takes a new uploads record alone (progress, between the library's renders): whether an item in
   * the DOM now looks different. False before the first render (nothing is shown yet).
   */
  useUploads(uploads: RowSource['uploads']): boolean {
    if (!this.#rows) return false;
    this.use({ ...this.#rows, uploads });
    return this.takeStale();
  }

  /** Whether the virtualizer must render its items again (once per change). */
  takeStale(): boolean {
    const stale = this.#stale;
    this.#stale = false;
    return stale;
  }

  /** The virtualizer's renderItem: one function for good, reading the latest source. */
  renderItem = (_key: string, index: number): unknown => {
    const rows = this.#rows!;
    // (a range change between a render with fewer items and the virtualizer's update)
    if (index >= rows.items.length) return nothing;
    const shown = { view: viewAt(rows, index), render: rows.render, t: rows.t };
    this.#shown.set(index, shown);
    return guard([...VIEW_KEYS.map((key) => shown.view[key]), shown.render, shown.t], () =>
      rows.render(shown.view, rows.t),
    );
  };

  onRangeChanged = (event: Event & { first?: number; last?: number }): void => {
    this.#range = { first: event.first ?? 0, last: event.last ?? -1 };
    for (const index of this.#shown.keys())
      if (index < this.#range.first || index > this.#range.last) this.#shown.delete(index);
  };

  #differs(rows: RowSource): boolean {
    const last = Math.min(this.#range.last, rows.items.length - 1);
    for (let index = this.#range.first; index <= last; index++) {
      const shown = this.#shown.get(index);
      if (!shown || shown.render !== rows.render || shown.t !== rows.t) return true;
      const now = viewAt(rows, index);
      if (VIEW_KEYS.some((key) => shown.view[key] !== now[key])) return true;
    }
    return false;
  }
}
