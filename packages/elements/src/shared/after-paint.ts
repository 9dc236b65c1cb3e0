// Every part the elements load after their first paint, in one module: a bundler makes one chunk of
// it (one request, compressed as a whole) instead of one per part plus a chunk for each set of parts
// that share code (the panel's rows and the library's grid share the virtualizer, the dialogs their
// head and styles, ...). All of it is prefetched when the page is idle anyway (lazy-part.ts), so
// splitting it finer only cost bytes. tus-js-client (first upload) and the French strings (a French
// page) stay modules of their own.
export * as virtualList from '../media-library/virtual-list.js';
export * as dialog from './dialog-controller.js';
export * as preview from '../media-library/preview-controller.js';
export * as activity from '../media-library/activity-view.js';
export * as duplicates from '../media-library/duplicate-prompt.js';
export * as bulk from '../media-library/bulk-actions.js';
export * as toastList from './toast-list.js';
export * as panelView from '../upload-panel/panel-view.js';
