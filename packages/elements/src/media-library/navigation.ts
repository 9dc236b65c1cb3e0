// Pure keyboard and drag geometry for the library: where an arrow key moves focus in a grid of
// `columns`, and how fast to scroll while a drag rectangle nears an edge.

/** The index focus moves to, or null when the key is not a navigation key. */
export function nextIndex(
  key: string,
  index: number,
  count: number,
  columns: number,
  rtl = false,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const cols = Math.max(1, columns);
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  const clamp = (value: number) => Math.min(last, Math.max(0, value));
  switch (key) {
    case forward:
      return clamp(index + 1);
    case backward:
      return clamp(index - 1);
    case 'ArrowDown':
      return index + cols <= last ? index + cols : index;
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : index;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(index + cols * 4);
    case 'PageUp':
      return clamp(index - cols * 4);
    default:
      return null;
  }
}

/**
 * Pixels per frame to scroll while dragging at `y` inside [top, bottom]: 0 away from the edges,
 * growing to `max` as the pointer reaches (or passes) an edge band of `edge` pixels.
 */
export function autoScrollSpeed(y: number, top: number, bottom: number, edge = 48, max = 24): number {
  if (y < top + edge) return -Math.round(max * Math.min(1, (top + edge - y) / edge));
  if (y > bottom - edge) return Math.round(max * Math.min(1, (y - (bottom - edge)) / edge));
  return 0;
}

/** Columns of a uniform grid, from the tops of its rendered items (first row length). */
export function columnsFrom(tops: readonly number[]): number {
  if (tops.length === 0) return 1;
  const first = Math.round(tops[0]!);
  let columns = 0;
  for (const top of tops) if (Math.round(top) === first) columns += 1;
  return Math.max(1, columns);
}
