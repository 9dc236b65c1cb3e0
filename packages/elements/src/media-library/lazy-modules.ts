// What <media-library> loads on first use rather than before its first paint (shared/lazy-part.ts):
// the virtualizer from its first render on (first-screen.ts shows the files meanwhile), the confirm
// dialog, the preview, the Activity view and the duplicate prompt when first opened, the bulk actions
// with the first selection. All of them are
// one module (shared/after-paint.ts, with the upload panel's card), prefetched when the page is idle.
import { lazyModule } from '../shared/lazy-part.js';

const afterPaint = () => import('../shared/after-paint.js');

export const virtualListModule = lazyModule(() => afterPaint().then((parts) => parts.virtualList));
export const dialogModule = lazyModule(() => afterPaint().then((parts) => parts.dialog));
export const previewModule = lazyModule(() => afterPaint().then((parts) => parts.preview));
export const activityModule = lazyModule(() => afterPaint().then((parts) => parts.activity));
export const duplicatesModule = lazyModule(() => afterPaint().then((parts) => parts.duplicates));
/** what a selection is for: bulk delete and tag, restore and purge, the selection bar's buttons */
export const bulkModule = lazyModule(() => afterPaint().then((parts) => parts.bulk));

/** the toasts' icons and buttons (their words show before it) */
export const toastListModule = lazyModule(() => afterPaint().then((parts) => parts.toastList));

export const LIBRARY_PREFETCH = [
  dialogModule,
  previewModule,
  activityModule,
  duplicatesModule,
  bulkModule,
  toastListModule,
];
