// Selection: pure set operations (toggle, Shift range over the current order, all, rectangle hit
// testing) and the `$selection` store that applies them, with the anchor a Shift+click extends from.
import { atom, type ReadableAtom } from 'nanostores';
import type { MediaFile } from '../protocol.js';
import type { SelectionApi } from '../types.js';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function toggleId(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** ids from `anchor` to `to` inclusive in `ordered`; just `to` when the anchor is not in the order */
export function rangeIds(ordered: readonly string[], anchor: string | null, to: string): string[] {
  const end = ordered.indexOf(to);
  if (end < 0) return [];
  const start = anchor === null ? -1 : ordered.indexOf(anchor);
  if (start < 0) return [to];
  return ordered.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** A rectangle dragged from (x1, y1) to (x2, y2), in any direction. */
export function rectFromPoints(x1: number, y1: number, x2: number, y2: number): Rect {
  return {
    left: Math.min(x1, x2),
    top: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/** ids whose boxes the drag rectangle touches */
export function hitTest(rect: Rect, boxes: Iterable<{ id: string; rect: Rect }>): string[] {
  const hits: string[] = [];
  for (const box of boxes) if (intersects(rect, box.rect)) hits.push(box.id);
  return hits;
}

export function pruneSelection(
  selected: ReadonlySet<string>,
  existing: Iterable<string>,
): ReadonlySet<string> {
  const alive = new Set(existing);
  for (const id of selected)
    if (!alive.has(id)) return new Set([...selected].filter((value) => alive.has(value)));
  return selected;
}

/**
 * The selection after a list changed from `previous` to `next`: a selected id that was listed and is
 * not any more leaves it (deleted here or elsewhere, gone on a refetch), unless it was an upload's
 * optimistic entry whose server record took its place: the record stays selected. Ids the list never
 * held are left alone. Identity is kept when nothing changes.
 */
export function followList(
  selected: ReadonlySet<string>,
  previous: readonly { id: string }[],
  next: readonly { id: string; operationId: string }[],
): ReadonlySet<string> {
  if (selected.size === 0 || previous === next) return selected;
  const listed = new Set(next.map((item) => item.id));
  if ([...selected].every((id) => listed.has(id))) return selected;
  const before = new Set(previous.map((item) => item.id));
  const records = new Map(next.map((item) => [item.operationId, item.id]));
  const result = new Set<string>();
  for (const id of selected) {
    if (listed.has(id) || !before.has(id)) result.add(id);
    else if (records.has(id)) result.add(records.get(id)!);
  }
  return result.size === selected.size && [...result].every((id) => selected.has(id)) ? selected : result;
}

export interface SelectionStore extends SelectionApi {
  readonly $selection: ReadableAtom<ReadonlySet<string>>;
  /** keeps only ids that are still listed */
  prune(existingIds: Iterable<string>): void;
  /** forgets ids that went away (deleted here or by someone else) */
  drop(ids: Iterable<string>): void;
  /** a watched list changed: forgets what left it (see followList) */
  follow(previous: readonly MediaFile[], next: readonly MediaFile[]): void;
}

export function createSelection(): SelectionStore {
  const $selection = atom<ReadonlySet<string>>(new Set());
  // a rectangle drag adds to what was selected when it began, not to its own previous frame
  let anchor: string | null = null;
  let beforeRect: ReadonlySet<string> | null = null;
  return {
    $selection,
    toggle(id) {
      anchor = id;
      beforeRect = null;
      $selection.set(toggleId($selection.get(), id));
    },
    selectRange(toId, orderedIds) {
      beforeRect = null;
      $selection.set(new Set(rangeIds(orderedIds, anchor, toId)));
      if (anchor === null || !orderedIds.includes(anchor)) anchor = toId;
    },
    selectAll(orderedIds) {
      beforeRect = null;
      $selection.set(new Set(orderedIds));
    },
    clear() {
      anchor = null;
      beforeRect = null;
      if ($selection.get().size > 0) $selection.set(new Set());
    },
    setFromRect(ids, additive) {
      if (beforeRect === null) beforeRect = additive ? $selection.get() : new Set();
      $selection.set(new Set([...(additive ? beforeRect : []), ...ids]));
    },
    endRect() {
      beforeRect = null;
    },
    drop(ids) {
      const gone = new Set(ids);
      const current = $selection.get();
      if (![...current].some((id) => gone.has(id))) return;
      $selection.set(new Set([...current].filter((id) => !gone.has(id))));
      if (anchor !== null && gone.has(anchor)) anchor = null;
    },
    follow(previous, next) {
      const current = $selection.get();
      const kept = followList(current, previous, next);
      if (kept === current) return;
      $selection.set(kept);
      if (anchor !== null && !kept.has(anchor)) anchor = null;
    },
    prune(existingIds) {
      const next = pruneSelection($selection.get(), existingIds);
      if (next !== $selection.get()) $selection.set(next);
      if (anchor !== null && !next.has(anchor)) anchor = null;
    },
  };
}
