// The virtualizer (<lit-virtualizer> and its grid and list layouts): about a quarter of what the
// library would load before its first paint, so it is a module of its own that <media-library>
// starts loading as it connects (first-screen.ts shows the first screen if the files come first).
import '@lit-labs/virtualizer';
import { grid } from '@lit-labs/virtualizer/layouts/grid.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { GRID } from './first-screen.js';

// Padding belongs to the layout: the virtualizer positions items absolutely and ignores CSS padding.
export const gridLayout: ReturnType<typeof grid> = grid({
  itemSize: { width: `${GRID.width}px`, height: `${GRID.height}px` },
  gap: `${GRID.gap}px`,
  padding: `${GRID.padding}px`,
  flex: { preserve: 'height' },
});
export const listLayout: ReturnType<typeof flow> = flow();
