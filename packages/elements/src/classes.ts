// @mediabay/elements/classes: the element classes, helpers and types without registering any tag
// (no side effects), for subclassing, scoped registries and typed listeners. Define your own tag for
// a subclass, or import an element's own entry (`@mediabay/elements/media-library`, ...) to get the
// standard tags (<media-library> also needs <upload-dropzone> and <upload-panel>; it loads
// <lit-virtualizer> itself after its first paint).
export { UploadDropzone } from './upload-dropzone/upload-dropzone.component.js';
export { UploadPanel } from './upload-panel/upload-panel.component.js';
export { MediaLibrary } from './media-library/media-library.component.js';
export { MediabayElement } from './shared/mediabay-element.js';
export { StoreController } from './shared/store-controller.js';
export { formatBytes, formatDate, formatDuration, formatPercent, formatTimeLeft } from './shared/format.js';
export { registerLocale, stringsFor } from './i18n/localize.js';
export { en } from './i18n/en.js';
export type { MediabayStrings } from './i18n/en.js';
export type { Subscribable } from './shared/store-controller.js';
export type { PanelPosition } from './upload-panel/upload-panel.component.js';
export type {
  MediabayEventMap,
  FilesAddedEvent,
  PanelToggleEvent,
  PanelDismissEvent,
  SelectionChangeEvent,
  OpenEvent,
  DeleteEvent,
  DeletedEvent,
} from './shared/events.js';
