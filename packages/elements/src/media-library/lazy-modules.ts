// What <media-library> loads on first use rather than before its first paint (shared/lazy-part.ts):
// the virtualizer from its first render on (first-screen.ts shows the files meanwhile), the confirm
// dialog, the preview, the Activity view and the duplicate prompt when first opened, the bulk actions
// with the first selection. All of them are one module (shared/after-paint.ts, with the upload
// panel's card), prefetched when the page is idle.
import { lazyModule } from '../shared/lazy-part.js';
import type * as AfterPaint from '../shared/after-paint.js';

/** one part of the after-paint module (they all come with the first one asked for) */
const afterPaint = <K extends keyof typeof AfterPaint>(part: K) =>
  lazyModule(() => import('../shared/after-paint.js').then((parts) => parts[part]));

export const virtualListModule = afterPaint('virtualList');
export const dialogModule = afterPaint('dialog');
export const previewModule = afterPaint('preview');
export const activityModule = afterPaint('activity');
export const duplicatesModule = afterPaint('duplicates');
/** what a selection is for: bulk delete and tag, restore and purge, the selection bar's buttons */
export const bulkModule = afterPaint('bulk');

/** the toasts' icons and buttons (their words show before it) */
export const toastListModule = afterPaint('toastList');

export const LIBRARY_PREFETCH = [
  dialogModule,
  previewModule,
  activityModule,
  duplicatesModule,
  bulkModule,
  toastListModule,
];
