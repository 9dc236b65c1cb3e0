// Sorting as a Drive user expects: a key chosen anew starts in its natural order (names A to Z, newest
// first, largest first, types A to Z); choosing the key already in use turns its order around.
import type { MapStore } from 'nanostores';
import type { SortKey, SortOrder } from '../protocol.js';
import type { ViewState } from '../types.js';

export const NATURAL_ORDER: Readonly<Record<SortKey, SortOrder>> = {
  name: 'asc',
  createdAt: 'desc',
  size: 'desc',
  type: 'asc',
};

/** The view after the user picks `key`; `toggle`: picking the current key turns the order around. */
export function sortedView(view: ViewState, key: SortKey, toggle: boolean): ViewState {
  if (view.sort === key) return toggle ? { ...view, order: view.order === 'asc' ? 'desc' : 'asc' } : view;
  return { ...view, sort: key, order: NATURAL_ORDER[key] };
}

/** Applies `sortedView` to the client's `$view` in one write. */
export function sortBy($view: MapStore<ViewState>, key: SortKey, toggle = false): void {
  const next = sortedView($view.get(), key, toggle);
  if (next !== $view.get()) $view.set(next);
}
