// What <media-library> loads on first use rather than before its first paint (shared/lazy-part.ts):
// the virtualizer from its first render on (first-screen.ts shows the files meanwhile), the confirm
// dialog, the preview, the Activity view and the duplicate prompt when first opened (the upload panel loads
// its own rows with the first upload). All are prefetched when the page is idle after first paint.
import { lazyModule } from '../shared/lazy-part.js';

export const virtualListModule = lazyModule(() => import('./virtual-list.js'));
export const dialogModule = lazyModule(() => import('../shared/dialog-controller.js'));
export const previewModule = lazyModule(() => import('./preview-controller.js'));
export const activityModule = lazyModule(() => import('./activity-view.js'));
export const duplicatesModule = lazyModule(() => import('./duplicate-prompt.js'));

export const LIBRARY_PREFETCH = [dialogModule, previewModule, activityModule, duplicatesModule];
