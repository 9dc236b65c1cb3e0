// The virtualizer (<lit-virtualizer> and its grid and list layouts): about a quarter of what the
// library would load before its first paint, so it is a module of its own that <media-library>
// starts loading as it connects (first-screen.ts shows the first screen if the files come first).
import '@lit-labs/virtualizer';
import { grid, GridLayout } from '@lit-labs/virtualizer/layouts/grid.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { GRID } from './first-screen.js';

type GridConfig = NonNullable<Parameters<typeof grid>[0]>;

/** the config a grid took last (kept aside: the base class sets it before a subclass's fields exist) */
const taken = new WeakMap<GridLayout, GridConfig>();

const sameConfig = (a: GridConfig, b: GridConfig): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof GridConfig>;
  return [...keys].every((key) => a[key] === b[key]);
};

/**
 * lit-virtualizer (2.1) hands its layout the config again on every update of <lit-virtualizer>, and
 * the grid's `padding` setter reflows whether the value changed or not: each time a card looked
 * different (an upload's progress, twice a second) every card in the DOM was positioned again and
 * the host resized. This grid takes a config only when it differs from the last one.
 */
class SteadyGridLayout extends GridLayout {
  override get config(): GridConfig {
    return super.config;
  }

  override set config(config: GridConfig) {
    const last = taken.get(this);
    if (last && sameConfig(last, config)) return;
    taken.set(this, config);
    super.config = config;
  }
}

// Padding belongs to the layout: the virtualizer positions items absolutely and ignores CSS padding.
export const gridLayout: ReturnType<typeof grid> = {
  ...grid({
    itemSize: { width: `${GRID.width}px`, height: `${GRID.height}px` },
    gap: `${GRID.gap}px`,
    padding: `${GRID.padding}px`,
    flex: { preserve: 'height' },
  }),
  type: SteadyGridLayout,
};
export const listLayout: ReturnType<typeof flow> = flow();
